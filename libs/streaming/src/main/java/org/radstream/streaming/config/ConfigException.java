package org.radstream.streaming.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is invalid; lists every problem found, each naming the key, its source and the reason. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One invalid setting. {@code key} is the property name (or the file/variable for file problems). */
    public record Problem(String key, ConfigSource source, String reason) {
        @Override
        public String toString() {
            return key + " (from " + source + "): " + reason;
        }
    }

    private final transient List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super("invalid configuration: " + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
