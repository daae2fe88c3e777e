package org.radstream.streaming.serde;

/**
 * Whether a serde handles record keys or values; it decides the registry subject by Confluent's
 * TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}.
 */
public enum RecordPart {
    KEY, VALUE;

    /** {@code KEY} when Kafka's {@code configure(config, isKey)} says so. */
    public static RecordPart of(boolean isKey) {
        return isKey ? KEY : VALUE;
    }

    /** TopicNameStrategy subject of {@code topic}. */
    public String subject(String topic) {
        return topic + (this == KEY ? "-key" : "-value");
    }

    /** Names a record's key or value in messages. */
    String describe(String topic) {
        return (this == KEY ? "key" : "value") + " of a record from topic '" + topic + "'";
    }
}
