package org.radstream.preprocessing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.radstream.streaming.config.ConfigException;
import org.radstream.streaming.config.ConfigSource;
import org.radstream.streaming.runtime.RunnerSettings;

/**
 * The settings every consumer-loop stage (preprocessing, feature-extraction) takes besides the Kafka connection.
 * Each is a flag {@code --name} or an environment variable {@code RADSTREAM_<STAGE>_<NAME>}; flag &gt; variable
 * &gt; default.
 *
 * @param groupId         consumer group; instances with the same group share the input partitions
 *                        (default: the stage name)
 * @param blobDir         root of the filesystem blob store the event URIs point into (default {@code blobs},
 *                        as ingestion's)
 * @param registerSchemas register output schemas on first use (default true; false in production)
 * @param runner          health/metrics endpoint ({@code --health-host} default 0.0.0.0, {@code --health-port}
 *                        default 8080, 0 = any) and shutdown timeout
 */
public record StageSettings(String groupId, Path blobDir, boolean registerSchemas, RunnerSettings runner) {

    /** The stage's own keys: name, default, meaning. */
    public enum Key {
        GROUP("group", null, "Consumer group id (default: the stage name); run more instances with the same group to scale."),
        BLOB_DIR("blob.dir", "blobs", "Root of the filesystem blob store the event URIs point into."),
        REGISTER_SCHEMAS("register.schemas", "true", "true = register output schemas on first use; false = look them up only."),
        HEALTH_HOST("health.host", "0.0.0.0", "Bind address of /health/live, /health/ready and /metrics."),
        HEALTH_PORT("health.port", "8080", "Port of the health and metrics endpoint; 0 = any free port.");

        private final String name;
        private final String defaultValue;
        private final String meaning;

        Key(String name, String defaultValue, String meaning) {
            this.name = name;
            this.defaultValue = defaultValue;
            this.meaning = meaning;
        }

        public String flag() {
            return "--" + name.replace('.', '-');
        }

        public String envVar(String stage) {
            return "RADSTREAM_" + stage.toUpperCase(Locale.ROOT).replace('-', '_') + "_"
                    + name.toUpperCase(Locale.ROOT).replace('.', '_');
        }

        public String defaultValue() {
            return defaultValue;
        }

        public String meaning() {
            return meaning;
        }
    }

    public StageSettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(blobDir, "blobDir");
        Objects.requireNonNull(runner, "runner");
    }

    /** Defaults for {@code stage} (group = stage name), e.g. for tests and embedding. */
    public static StageSettings defaults(String stage) {
        return load(stage, Map.of(), Map.of());
    }

    public StageSettings withHealthPort(int port) {
        return new StageSettings(groupId, blobDir, registerSchemas, runner.withHealthPort(port));
    }

    public StageSettings withBlobDir(Path dir) {
        return new StageSettings(groupId, dir, registerSchemas, runner);
    }

    /**
     * @throws ConfigException listing every invalid value with where it came from
     */
    public static StageSettings load(String stage, Map<Key, String> flags, Map<String, String> env) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        String group = value(stage, Key.GROUP, flags, env);
        String host = value(stage, Key.HEALTH_HOST, flags, env);
        String register = value(stage, Key.REGISTER_SCHEMAS, flags, env).toLowerCase(Locale.ROOT);
        if (!register.equals("true") && !register.equals("false")) {
            problems.add(new ConfigException.Problem(Key.REGISTER_SCHEMAS.flag(), source(stage, Key.REGISTER_SCHEMAS, flags, env),
                    "'" + register + "' is not true or false"));
        }
        int port = -1;
        String p = value(stage, Key.HEALTH_PORT, flags, env);
        try {
            port = Integer.parseInt(p);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (port < 0 || port > 65535) {
            problems.add(new ConfigException.Problem(Key.HEALTH_PORT.flag(), source(stage, Key.HEALTH_PORT, flags, env),
                    "'" + p + "' is not a port number 0..65535"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new StageSettings(group == null || group.isBlank() ? stage : group,
                Path.of(value(stage, Key.BLOB_DIR, flags, env)), Boolean.parseBoolean(register),
                RunnerSettings.DEFAULTS.withHealthHost(host).withHealthPort(port));
    }

    private static String value(String stage, Key k, Map<Key, String> flags, Map<String, String> env) {
        String f = flags.get(k);
        if (f != null) {
            return f.trim();
        }
        String e = env.get(k.envVar(stage));
        if (e != null && !e.isBlank()) {
            return e.trim();
        }
        return k.defaultValue();
    }

    private static ConfigSource source(String stage, Key k, Map<Key, String> flags, Map<String, String> env) {
        if (flags.containsKey(k)) {
            return ConfigSource.flag(k.flag());
        }
        String e = env.get(k.envVar(stage));
        return e != null && !e.isBlank() ? ConfigSource.env(k.envVar(stage)) : ConfigSource.defaults();
    }
}
