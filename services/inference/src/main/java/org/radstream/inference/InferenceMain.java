package org.radstream.inference;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.radstream.streaming.config.ConfigException;
import org.radstream.streaming.config.ConfigKey;
import org.radstream.streaming.config.ConfigLoader;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.metrics.MetricsHttpHandler;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.runtime.RunnerSettings;
import org.radstream.streaming.runtime.ServiceRunner;
import org.radstream.streaming.serde.SchemaRegistration;

/**
 * {@code main} of the inference stage: connection flags ({@code --bootstrap}, {@code --registry}, {@code --config};
 * security from the environment or the file), the stage's own flags (see {@link #usage()}), then the shared
 * {@link ServiceRunner} (health at {@code /health/live|ready}, Prometheus at {@code /metrics}, graceful stop).
 */
public final class InferenceMain {
    /** Stage flags and their defaults. */
    static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        FLAGS.put("--model-name", InferenceSettings.DEFAULT_MODEL);
        FLAGS.put("--alb-min", "10");
        FLAGS.put("--alb-max", "70");
        FLAGS.put("--waiting-check-ms", "1000");
        FLAGS.put("--clinical-wait-s", "600");
        FLAGS.put("--state-dir", "state/inference");
        FLAGS.put("--health-port", "8080");
        FLAGS.put("--register-schemas", "true");
    }

    private InferenceMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** @return 0 after a requested stop, 1 when the service failed, 2 for bad arguments */
    public static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<ConfigKey, String> connection = new EnumMap<>(ConfigKey.class);
        Map<String, String> stage = new LinkedHashMap<>(FLAGS);
        Path configFile = null;
        RadstreamConfig config;
        InferenceSettings settings;
        try {
            for (int i = 0; i < argv.length; i++) {
                String a = argv[i];
                if (a.equals("--help") || a.equals("-h")) {
                    out.print(usage());
                    return 0;
                }
                String value;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    value = a.substring(eq + 1);
                    a = a.substring(0, eq);
                } else if (i + 1 < argv.length) {
                    value = argv[++i];
                } else {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String flag = a;
                if (flag.equals(ConfigKey.CONFIG_FILE_FLAG)) {
                    configFile = Path.of(value);
                } else if (stage.containsKey(flag)) {
                    stage.put(flag, value);
                } else {
                    ConfigKey k = java.util.Arrays.stream(ConfigKey.values()).filter(c -> flag.equals(c.flag())).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("unknown argument " + flag));
                    connection.put(k, value);
                }
            }
            config = ConfigLoader.load(connection, configFile, env);
            settings = new InferenceSettings(stage.get("--model-name"), Double.parseDouble(stage.get("--alb-min")),
                    Double.parseDouble(stage.get("--alb-max")), Duration.ofMillis(Long.parseLong(stage.get("--waiting-check-ms"))),
                    Duration.ofSeconds(Long.parseLong(stage.get("--clinical-wait-s"))));
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("inference: " + e.getMessage());
            err.println("(--help lists the flags)");
            return 2;
        }
        DeadLetterCounts counts = new DeadLetterCounts();
        try (StageMetrics metrics = new StageMetrics(InferenceTopology.STAGE, counts)) {
            InferenceService service = new InferenceService(config, settings, Path.of(stage.get("--state-dir")),
                    Boolean.parseBoolean(stage.get("--register-schemas")) ? SchemaRegistration.AUTO_REGISTER : SchemaRegistration.LOOKUP_ONLY,
                    metrics, counts);
            return ServiceRunner.run(service, RunnerSettings.DEFAULTS.withHealthPort(Integer.parseInt(stage.get("--health-port"))),
                    Map.of(MetricsHttpHandler.PATH, new MetricsHttpHandler(metrics)));
        }
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("usage: inference [--bootstrap HOST:PORT] [--registry URL] [--config FILE] [flags]\n"
                + "Scores case features with their clinical record and the current model; bad clinical records go to the DLQ.\n\n");
        FLAGS.forEach((f, d) -> sb.append(String.format("  %-20s default %s%n", f, d)));
        return sb.toString();
    }
}
