package org.radstream.streaming.config;

import java.nio.file.Path;

/**
 * Where a setting's value came from, for error messages and {@link RadstreamConfig#describe()}.
 * Precedence, highest first: flag, environment variable, properties file, default.
 */
public record ConfigSource(Kind kind, String detail) {

    public enum Kind { FLAG, ENV, FILE, DEFAULT }

    public static ConfigSource flag(String flag) {
        return new ConfigSource(Kind.FLAG, flag);
    }

    public static ConfigSource env(String variable) {
        return new ConfigSource(Kind.ENV, variable);
    }

    public static ConfigSource file(Path file) {
        return new ConfigSource(Kind.FILE, file.toString());
    }

    public static ConfigSource defaults() {
        return new ConfigSource(Kind.DEFAULT, "");
    }

    /** e.g. {@code flag --bootstrap}, {@code env RADSTREAM_REGISTRY_URL}, {@code file /etc/radstream.properties}. */
    @Override
    public String toString() {
        return switch (kind) {
            case FLAG -> "flag " + detail;
            case ENV -> "env " + detail;
            case FILE -> "file " + detail;
            case DEFAULT -> "default";
        };
    }
}
