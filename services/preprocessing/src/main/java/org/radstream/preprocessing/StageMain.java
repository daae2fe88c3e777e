package org.radstream.preprocessing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
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
 * The one way a consumer-loop stage starts: flags and environment → {@link RadstreamConfig} (connection:
 * {@code --bootstrap}, {@code --registry}, {@code --config FILE}, security from {@code RADSTREAM_*}) and
 * {@link StageSettings} → the stage's {@link ManagedService} → {@link ServiceRunner} (health at
 * {@code /health/live|ready}, Prometheus at {@code /metrics}, graceful stop on SIGTERM). Each flag is
 * {@code --flag VALUE} or {@code --flag=VALUE}; {@code --help} lists them.
 */
public final class StageMain {
    private static final Logger LOG = LoggerFactory.getLogger(StageMain.class);

    /** Builds a stage's service from its validated configuration. */
    @FunctionalInterface
    public interface ServiceFactory {
        ManagedService create(RadstreamConfig config, StageSettings settings, StageMetrics metrics, DeadLetterCounts counts);
    }

    /** Parsed command line. */
    record Args(Map<ConfigKey, String> connection, Path configFile, Map<StageSettings.Key, String> stage, boolean help) {
    }

    private StageMain() {
    }

    /** @return the exit code: 0 after a requested stop, 1 when the service failed, 2 for bad arguments */
    public static int run(String stage, String[] argv, Map<String, String> env, PrintStream out, PrintStream err,
            ServiceFactory factory) {
        RadstreamConfig config;
        StageSettings settings;
        try {
            Args args = parse(argv);
            if (args.help()) {
                out.print(usage(stage));
                return 0;
            }
            config = ConfigLoader.load(args.connection(), args.configFile(), env);
            settings = StageSettings.load(stage, args.stage(), env);
        } catch (IllegalArgumentException | ConfigException e) {
            err.println(stage + ": " + e.getMessage());
            err.println("(--help lists the flags)");
            return 2;
        }
        LOG.info("{} starting with\n{}\n{}", stage, config.describe(), settings);
        DeadLetterCounts counts = new DeadLetterCounts();
        try (StageMetrics metrics = new StageMetrics(stage, counts)) {
            return ServiceRunner.run(factory.create(config, settings, metrics, counts), settings.runner(),
                    Map.of(MetricsHttpHandler.PATH, new MetricsHttpHandler(metrics)));
        }
    }

    static Args parse(String[] argv) {
        Map<ConfigKey, String> connection = new EnumMap<>(ConfigKey.class);
        Map<StageSettings.Key, String> stage = new EnumMap<>(StageSettings.Key.class);
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
            for (StageSettings.Key k : StageSettings.Key.values()) {
                if (a.equals(k.flag())) {
                    stage.put(k, value);
                    known = true;
                }
            }
            if (!known) {
                throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        return new Args(connection, configFile, stage, help);
    }

    static String usage(String stage) {
        StringBuilder sb = new StringBuilder("usage: " + stage
                + " [--bootstrap HOST:PORT] [--registry URL] [--config FILE] [flags]\n"
                + "The Kafka connection's security settings come from RADSTREAM_* variables or the --config file.\n\n");
        for (StageSettings.Key k : StageSettings.Key.values()) {
            sb.append(String.format("  %-20s %-38s default %s%n      %s%n", k.flag(), k.envVar(stage),
                    k.defaultValue() == null ? "(" + stage + ")" : k.defaultValue(), k.meaning()));
        }
        return sb.toString();
    }
}
