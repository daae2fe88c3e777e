package org.radstream.streaming.topics;

/** Kafka's {@code cleanup.policy} for a topic: delete old segments by time, or keep the latest value per key. */
public enum CleanupPolicy {
    /** Segments older than {@code retention.ms} are deleted. */
    DELETE("delete"),
    /** The log cleaner keeps the latest record per key (a changelog; a null value deletes the key). */
    COMPACT("compact");

    private final String kafkaValue;

    CleanupPolicy(String kafkaValue) {
        this.kafkaValue = kafkaValue;
    }

    /** The value of the topic config {@code cleanup.policy}. */
    public String kafkaValue() {
        return kafkaValue;
    }
}
