package org.radstream.ingestion;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import org.radstream.streaming.config.ConfigException;
import org.radstream.streaming.config.ConfigKey;
import org.radstream.streaming.config.ConfigLoader;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.metrics.MetricsHttpHandler;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.runtime.ServiceRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code main} of the ingestion service: typed configuration from flags and environment, then the shared
 * {@link ServiceRunner} (health at {@code /health/live|ready}, Prometheus at {@code /metrics}, graceful stop on
 * SIGTERM). Flags: the connection's ({@code --bootstrap}, {@code --registry}, {@code --config}; security from the
 * environment or the file) and {@link IngestionKey}'s, each {@code --flag VALUE} ({@code --watch} alone means
 * true). {@code --help} lists them.
 */
public final class IngestionMain {
    private static final Logger LOG = LoggerFactory.getLogger(IngestionMain.class);

    /** Parsed command line. */
    record Args(Map<ConfigKey, String> connection, Path configFile, Map<IngestionKey, String> ingestion, boolean help) {
    }

    private IngestionMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** @return the exit code: 0 after a requested stop, 1 when the service failed, 2 for bad arguments */
    public static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        Args args;
        RadstreamConfig config;
        IngestionSettings settings;
        try {
            args = parse(argv);
            if (args.help()) {
                out.print(usage());
                return 0;
            }
            config = ConfigLoader.load(args.connection(), args.configFile(), env);
            settings = IngestionSettings.load(args.ingestion(), env);
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("ingestion: " + e.getMessage());
            err.println("(--help lists the flags)");
            return 2;
        }
        LOG.info("ingestion starting with\n{}\n{}", config.describe(), describe(settings));
        DeadLetterCounts counts = new DeadLetterCounts();
        try (StageMetrics metrics = new StageMetrics(Ingestion.STAGE, counts)) {
            IngestionService service = new IngestionService(config, settings, metrics, counts, Clock.systemUTC());
            return ServiceRunner.run(service, settings.runner(),
                    Map.of(MetricsHttpHandler.PATH, new MetricsHttpHandler(metrics)));
        }
    }

    static Args parse(String[] argv) {
        Map<ConfigKey, String> connection = new EnumMap<>(ConfigKey.class);
        Map<IngestionKey, String> ingestion = new EnumMap<>(IngestionKey.class);
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
            if (a.equals(IngestionKey.WATCH.flag()) && value == null) {
                ingestion.put(IngestionKey.WATCH, "true");
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
            ConfigKey ck = null;
            for (ConfigKey k : ConfigKey.values()) {
                if (a.equals(k.flag())) {
                    ck = k;
                }
            }
            if (ck != null) {
                connection.put(ck, value);
                continue;
            }
            String flag = a;
            IngestionKey ik = IngestionKey.byFlag(flag).orElseThrow(() -> new IllegalArgumentException(
                    "unknown argument " + flag));
            if (ik == IngestionKey.PSEUDONYM_KEY) {
                // a secret on the command line shows in `ps`: only the environment may carry it
                throw new IllegalArgumentException(ik.flag() + " is not accepted as a flag; set " + ik.envVar());
            }
            ingestion.put(ik, value);
        }
        return new Args(connection, configFile, ingestion, help);
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("usage: ingestion [--bootstrap HOST:PORT] [--registry URL] [--config FILE] [flags]\n"
                + "The Kafka connection's security settings come from RADSTREAM_* variables or the --config file.\n\n");
        for (IngestionKey k : IngestionKey.values()) {
            sb.append(String.format("  %-20s %-38s default %s%n      %s%n", k == IngestionKey.PSEUDONYM_KEY ? "(env only)" : k.flag(),
                    k.envVar(), k.defaultValue() == null ? "(unset)" : k.defaultValue(), k.meaning()));
        }
        return sb.toString();
    }

    static String describe(IngestionSettings s) {
        return "folder = " + s.folder() + (s.watch() ? " (watched every " + s.pollInterval() + ")" : "")
                + "\nquiet period = " + s.quietPeriod()
                + "\nC-STORE SCP = " + (s.scpPort() < 0 ? "off" : s.scpAeTitle() + "@" + s.scpPort())
                + "\nREST = " + (s.httpPort() < 0 ? "off" : s.httpHost() + ":" + s.httpPort())
                + "\nspool = " + s.spoolDir() + ", blobs = " + s.blobDir()
                + "\nALB range = [" + s.clinicalRules().albMinGPerL() + ", " + s.clinicalRules().albMaxGPerL() + "] g/L"
                + "\npseudonym key = " + s.pseudonymKey() + "\nregister schemas = " + s.registerSchemas()
                + "\nhealth/metrics = " + s.runner().healthHost() + ":" + s.runner().healthPort();
    }
}
