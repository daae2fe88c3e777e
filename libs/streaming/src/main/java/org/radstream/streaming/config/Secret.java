package org.radstream.streaming.config;

import java.util.Objects;

/**
 * A password or credential. {@link #toString()} never shows the value, so a secret cannot leak through a
 * log line, an exception message or a printed record; {@link #reveal()} is the one explicit way to read it.
 */
public final class Secret {
    private static final String MASK = "******";
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret itself, for handing to a client library. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
