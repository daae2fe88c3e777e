package org.radstream.streaming.stage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.radstream.streaming.config.ConfigException;
import org.radstream.streaming.config.ConfigKey;
import org.radstream.streaming.config.ConfigLoader;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.metrics.MetricsHttpHandler;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.runtime.ManagedService;
import org.radstream.streaming.runtime.ServiceRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a stage starts: flags and environment → {@link RadstreamConfig} (connection: {@code --bootstrap},
 * {@code --registry}, {@code --config FILE}, security from {@code RADSTREAM_*}) and {@link StageSettings} (the
 * {@link StageFlag#COMMON common flags} plus the stage's own) → the stage's {@link ManagedService} →
 * {@link ServiceRunner} (health at {@code /health/live|ready}, Prometheus at {@code /metrics}, graceful stop on
 * SIGTERM). Each flag is {@code --flag VALUE} or {@code --flag=VALUE}; {@code --help} lists them.
 */
public final class StageMain {
    private static final Logger LOG = LoggerFactory.getLogger(StageMain.class);

    /**
     * Builds a stage's service from its validated configuration. May throw {@link IllegalArgumentException} or
     * {@link ConfigException} for an invalid stage option (exit code 2); must not start anything.
     */
    @FunctionalInterface
    public interface ServiceFactory {
        ManagedService create(RadstreamConfig config, StageSettings settings, StageMetrics metrics, DeadLetterCounts counts);
    }

    /** Parsed command line: connection keys, the config file, stage flags by {@code --flag}. */
    record Args(Map<ConfigKey, String> connection, Path configFile, Map<String, String> stage, boolean help) {
    }

    private StageMain() {
    }

    /** {@link #run(String, List, String[], Map, PrintStream, PrintStream, ServiceFactory)} without extra flags. */
    public static int run(String stage, String[] argv, Map<String, String> env, PrintStream out, PrintStream err,
            ServiceFactory factory) {
        return run(stage, List.of(), argv, env, out, err, factory);
    }

    /** @return the exit code: 0 after a requested stop, 1 when the service failed, 2 for bad arguments */
    public static int run(String stage, List<StageFlag> extraFlags, String[] argv, Map<String, String> env,
            PrintStream out, PrintStream err, ServiceFactory factory) {
        return run(stage, "", extraFlags, argv, env, out, err, factory);
    }

    /** As above, with a one-line description of the stage for {@code --help}. */
    public static int run(String stage, String description, List<StageFlag> extraFlags, String[] argv,
            Map<String, String> env, PrintStream out, PrintStream err, ServiceFactory factory) {
        RadstreamConfig config;
        StageSettings settings;
        try {
            Args args = parse(stage, argv, extraFlags);
            if (args.help()) {
                out.print(usage(stage, description, extraFlags));
                return 0;
            }
            config = ConfigLoader.load(args.connection(), args.configFile(), env);
            settings = StageSettings.load(stage, extraFlags, args.stage(), env);
        } catch (IllegalArgumentException | ConfigException e) {
            return badArguments(stage, err, e);
        }
        LOG.info("{} starting with\n{}\n{}", stage, config.describe(), settings);
        DeadLetterCounts counts = new DeadLetterCounts();
        try (StageMetrics metrics = new StageMetrics(stage, counts)) {
            ManagedService service;
            try {
                service = factory.create(config, settings, metrics, counts);
            } catch (IllegalArgumentException | ConfigException e) {
                return badArguments(stage, err, e);
            }
            return ServiceRunner.run(service, settings.runner(),
                    Map.of(MetricsHttpHandler.PATH, new MetricsHttpHandler(metrics)));
        }
    }

    private static int badArguments(String stage, PrintStream err, RuntimeException e) {
        err.println(stage + ": " + e.getMessage());
        err.println("(--help lists the flags)");
        return 2;
    }

    static Args parse(String stage, String[] argv, List<StageFlag> extraFlags) {
        Map<ConfigKey, String> connection = new EnumMap<>(ConfigKey.class);
        Map<String, String> stageValues = new LinkedHashMap<>();
        Path configFile = null;
        boolean help = false;
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            if (a.equals("--help") || a.equals("-h")) {
                help = true;
                continue;
            }
            StageFlag own = null;
            for (StageFlag f : allFlags(extraFlags)) {
                if (a.equals(f.flag())) {
                    own = f;
                }
            }
            if (own != null && own.secret()) {
                // a secret on the command line shows in `ps`: only the environment may carry it
                throw new IllegalArgumentException(a + " is not accepted as a flag; set " + own.envVar(stage));
            }
            if (value == null && own != null && own.isSwitch()
                    && (i + 1 >= argv.length || argv[i + 1].startsWith("--"))) {
                value = "true";
            }
            if (value == null) {
                if (i + 1 >= argv.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                value = argv[++i];
            }
            if (a.equals(ConfigKey.CONFIG_FILE_FLAG)) {
                configFile = Path.of(value);
                continue;
            }
            boolean known = false;
            for (ConfigKey k : ConfigKey.values()) {
                if (a.equals(k.flag())) {
                    connection.put(k, value);
                    known = true;
                }
            }
            if (own != null) {
                stageValues.put(own.flag(), value);
                known = true;
            }
            if (!known) {
                throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        return new Args(connection, configFile, stageValues, help);
    }

    private static List<StageFlag> allFlags(List<StageFlag> extraFlags) {
        List<StageFlag> all = new java.util.ArrayList<>(StageFlag.COMMON);
        all.addAll(extraFlags);
        return all;
    }

    static String usage(String stage, String description, List<StageFlag> extraFlags) {
        StringBuilder sb = new StringBuilder("usage: " + stage
                + " [--bootstrap HOST:PORT] [--registry URL] [--config FILE] [flags]\n"
                + (description.isBlank() ? "" : description + "\n")
                + "The Kafka connection's security settings come from RADSTREAM_* variables or the --config file.\n\n");
        for (StageFlag f : allFlags(extraFlags)) {
            String dflt = f.defaultValue() != null ? f.defaultValue() : f == StageFlag.GROUP ? "(" + stage + ")" : "(unset)";
            sb.append(String.format("  %-24s %-42s default %s%n      %s%n", f.secret() ? "(env only)" : f.flag(),
                    f.envVar(stage), dflt, f.meaning()));
        }
        return sb.toString();
    }
}
