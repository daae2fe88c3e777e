package org.radstream.streaming.registry;

import java.util.List;

/**
 * Answer of {@code POST /compatibility/subjects/{subject}/versions/latest?verbose=true}.
 *
 * @param compatible {@code is_compatible}
 * @param messages   the registry's reasons when not compatible (Confluent: {@code messages}; Apicurio:
 *                   {@code reason}); may be empty
 */
public record CompatibilityCheck(boolean compatible, List<String> messages) {
    public CompatibilityCheck {
        messages = List.copyOf(messages);
    }
}
