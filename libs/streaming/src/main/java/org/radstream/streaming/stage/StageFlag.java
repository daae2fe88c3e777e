package org.radstream.streaming.stage;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One setting a stage takes besides the Kafka connection: a flag {@code --name-with-dashes} or an environment
 * variable {@code RADSTREAM_<STAGE>_<NAME>}; flag &gt; variable &gt; default. The common ones every stage has are
 * below; a stage declares its own extra flags the same way and reads them with {@link StageSettings#option} or,
 * typed and validated, with {@link StageSettings#reader()}. A flag whose default is {@code true} or {@code false}
 * is a switch: given without a value ({@code --watch}) it means {@code true}.
 *
 * @param name         dotted name, e.g. {@code blob.dir}
 * @param defaultValue used when neither flag nor variable is set; {@code null} = unset (for {@link #GROUP}: the
 *                     stage name)
 * @param meaning      one line for {@code --help}
 * @param secret       a secret (a key): taken from the environment variable only, never as a flag (a command
 *                     line shows in {@code ps}), and never printed
 */
public record StageFlag(String name, String defaultValue, String meaning, boolean secret) {

    public static final StageFlag GROUP = new StageFlag("group", null,
            "Consumer group id (Streams: application id; default: the stage name); run more instances with the same group to scale.");
    public static final StageFlag BLOB_DIR = new StageFlag("blob.dir", "blobs",
            "Root of the filesystem blob store the event URIs point into.");
    public static final StageFlag REGISTER_SCHEMAS = new StageFlag("register.schemas", "true",
            "true = register output schemas on first use; false = look them up only.");
    public static final StageFlag HEALTH_HOST = new StageFlag("health.host", "0.0.0.0",
            "Bind address of /health/live, /health/ready and /metrics.");
    public static final StageFlag HEALTH_PORT = new StageFlag("health.port", "8080",
            "Port of the health and metrics endpoint; 0 = any free port.");

    /** The flags every stage has, in {@code --help} order. */
    public static final List<StageFlag> COMMON = List.of(GROUP, BLOB_DIR, REGISTER_SCHEMAS, HEALTH_HOST, HEALTH_PORT);

    public StageFlag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
        if (secret && defaultValue != null) {
            throw new IllegalArgumentException("secret stage flag " + name + " cannot have a default");
        }
    }

    /** An ordinary (not secret) flag. */
    public StageFlag(String name, String defaultValue, String meaning) {
        this(name, defaultValue, meaning, false);
    }

    /** A secret, read from {@link #envVar(String)} only; no default. */
    public static StageFlag secret(String name, String meaning) {
        return new StageFlag(name, null, meaning, true);
    }

    /** Whether the flag is a switch (its default is {@code true} or {@code false}). */
    public boolean isSwitch() {
        return "true".equals(defaultValue) || "false".equals(defaultValue);
    }

    public String flag() {
        return "--" + name.replace('.', '-');
    }

    public String envVar(String stage) {
        return "RADSTREAM_" + stage.toUpperCase(Locale.ROOT).replace('-', '_') + "_"
                + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
