package org.radstream.streaming.stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.radstream.streaming.config.ConfigException;
import org.radstream.streaming.config.ConfigSource;
import org.radstream.streaming.runtime.RunnerSettings;

/**
 * The settings a stage takes besides the Kafka connection: the {@link StageFlag#COMMON common} ones as typed
 * fields, and the stage's own extra flags as {@link #option strings} with where each came from (the stage parses
 * and validates them, e.g. with {@link #reader()}). {@link #toString()} never shows a secret.
 *
 * @param groupId         consumer group (Streams: application id); instances with the same group share the input
 *                        partitions (default: the stage name)
 * @param blobDir         root of the filesystem blob store the event URIs point into (default {@code blobs})
 * @param registerSchemas register output schemas on first use (default true; false in production)
 * @param runner          health/metrics endpoint ({@code --health-host} default 0.0.0.0, {@code --health-port}
 *                        default 8080, 0 = any) and shutdown timeout
 * @param options         the stage's extra flags by {@link StageFlag#name()}, defaults filled in
 */
public record StageSettings(String groupId, Path blobDir, boolean registerSchemas, RunnerSettings runner,
        Map<String, Option> options) {

    /**
     * One extra flag's value.
     *
     * @param flag   its declaration
     * @param value  the value; {@code null} when it has no default and was not set
     * @param source where the value came from (flag, environment variable or default)
     * @param envVar the stage's environment variable for it
     */
    public record Option(StageFlag flag, String value, ConfigSource source, String envVar) {
        public Option {
            Objects.requireNonNull(flag, "flag");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String toString() {
            return flag.flag() + " = " + (value == null ? "(unset)" : flag.secret() ? "(set, not shown)" : value)
                    + " (" + source + ")";
        }
    }

    public StageSettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(blobDir, "blobDir");
        Objects.requireNonNull(runner, "runner");
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Defaults for {@code stage} (group = stage name), e.g. for tests and embedding. */
    public static StageSettings defaults(String stage) {
        return defaults(stage, List.of());
    }

    /** Defaults for {@code stage} with its extra flags at their defaults. */
    public static StageSettings defaults(String stage, List<StageFlag> extraFlags) {
        return load(stage, extraFlags, Map.of(), Map.of());
    }

    /**
     * The value of one of the stage's extra flags.
     *
     * @throws IllegalArgumentException when the stage did not declare {@code name}, or it is unset (no default)
     */
    public String option(String name) {
        Option o = declared(name);
        if (o.value() == null) {
            throw new IllegalArgumentException(o.flag().flag() + " is not set");
        }
        return o.value();
    }

    /** The value of an extra flag that may be unset (no default). */
    public Optional<String> optionalOption(String name) {
        return Optional.ofNullable(declared(name).value());
    }

    /** Where an extra flag's value came from, for error messages. */
    public ConfigSource source(String name) {
        return declared(name).source();
    }

    /** Reads the extra flags typed, collecting every problem (see {@link OptionReader}). */
    public OptionReader reader() {
        return new OptionReader(this);
    }

    private Option declared(String name) {
        Option o = options.get(name);
        if (o == null) {
            throw new IllegalArgumentException("no stage option '" + name + "' (declared: " + options.keySet() + ")");
        }
        return o;
    }

    public StageSettings withHealthPort(int port) {
        return new StageSettings(groupId, blobDir, registerSchemas, runner.withHealthPort(port), options);
    }

    public StageSettings withHealthHost(String host) {
        return new StageSettings(groupId, blobDir, registerSchemas, runner.withHealthHost(host), options);
    }

    public StageSettings withBlobDir(Path dir) {
        return new StageSettings(groupId, dir, registerSchemas, runner, options);
    }

    public StageSettings withGroupId(String group) {
        return new StageSettings(group, blobDir, registerSchemas, runner, options);
    }

    /** A copy with one extra option set (e.g. a test or the in-JVM demo overriding a default). */
    public StageSettings withOption(String name, String value) {
        Option o = declared(name);
        Map<String, Option> m = new LinkedHashMap<>(options);
        m.put(name, new Option(o.flag(), value, ConfigSource.defaults(), o.envVar()));
        return new StageSettings(groupId, blobDir, registerSchemas, runner, m);
    }

    /**
     * @param flagValues values given as flags, by {@link StageFlag#flag()} (e.g. {@code --group})
     * @throws ConfigException listing every invalid common value with where it came from
     */
    public static StageSettings load(String stage, List<StageFlag> extraFlags, Map<String, String> flagValues,
            Map<String, String> env) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        String group = value(stage, StageFlag.GROUP, flagValues, env);
        String host = value(stage, StageFlag.HEALTH_HOST, flagValues, env);
        String register = value(stage, StageFlag.REGISTER_SCHEMAS, flagValues, env).toLowerCase(Locale.ROOT);
        if (!register.equals("true") && !register.equals("false")) {
            problems.add(new ConfigException.Problem(StageFlag.REGISTER_SCHEMAS.flag(),
                    source(stage, StageFlag.REGISTER_SCHEMAS, flagValues, env), "'" + register + "' is not true or false"));
        }
        int port = -1;
        String p = value(stage, StageFlag.HEALTH_PORT, flagValues, env);
        try {
            port = Integer.parseInt(p);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (port < 0 || port > 65535) {
            problems.add(new ConfigException.Problem(StageFlag.HEALTH_PORT.flag(),
                    source(stage, StageFlag.HEALTH_PORT, flagValues, env), "'" + p + "' is not a port number 0..65535"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Map<String, Option> options = new LinkedHashMap<>();
        for (StageFlag f : extraFlags) {
            options.put(f.name(), new Option(f, value(stage, f, flagValues, env), source(stage, f, flagValues, env),
                    f.envVar(stage)));
        }
        return new StageSettings(group == null || group.isBlank() ? stage : group,
                Path.of(value(stage, StageFlag.BLOB_DIR, flagValues, env)), Boolean.parseBoolean(register),
                RunnerSettings.DEFAULTS.withHealthHost(host).withHealthPort(port), options);
    }

    /** Where a flag's value came from, for error messages of the stage's own validation. */
    public static ConfigSource source(String stage, StageFlag f, Map<String, String> flagValues, Map<String, String> env) {
        if (flagValues.containsKey(f.flag())) {
            return ConfigSource.flag(f.flag());
        }
        String e = env.get(f.envVar(stage));
        return e != null && !e.isBlank() ? ConfigSource.env(f.envVar(stage)) : ConfigSource.defaults();
    }

    private static String value(String stage, StageFlag f, Map<String, String> flagValues, Map<String, String> env) {
        String v = flagValues.get(f.flag());
        if (v != null) {
            return v.trim();
        }
        String e = env.get(f.envVar(stage));
        if (e != null && !e.isBlank()) {
            return e.trim();
        }
        return f.defaultValue();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("group = " + groupId + "\nblob dir = " + blobDir + "\nregister schemas = "
                + registerSchemas + "\nhealth/metrics = " + runner.healthHost() + ":" + runner.healthPort());
        options.values().forEach(o -> sb.append('\n').append(o));
        return sb.toString();
    }
}
