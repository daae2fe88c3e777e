package org.radstream.streaming.topics;

import java.util.List;

/**
 * What {@link TopicAdmin#ensure} did with one topic.
 *
 * @param topic     full topic name
 * @param outcome   created, found matching, or found different
 * @param problems  for {@link Outcome#MISMATCH}: one sentence per differing setting (empty otherwise)
 */
public record TopicCheck(String topic, Outcome outcome, List<String> problems) {

    public enum Outcome {
        /** Did not exist; created with the catalogue's settings. */
        CREATED,
        /** Existed with the catalogue's partition count and cleanup policy. */
        EXISTS,
        /** Existed with a different partition count or cleanup policy; left untouched. */
        MISMATCH
    }

    public TopicCheck {
        problems = List.copyOf(problems);
    }
}
