package org.radstream.streaming.dlq;

/**
 * Where a failed input came from: a Kafka record (topic, partition, offset) or a file/blob URI.
 * Exactly one of the two forms is set.
 */
public record DeadLetterSource(String topic, Integer partition, Long offset, String uri) {

    public DeadLetterSource {
        boolean kafka = topic != null;
        if (kafka == (uri != null)) {
            throw new IllegalArgumentException("a dead-letter source is either a Kafka record or a URI, not "
                    + (kafka ? "both" : "neither"));
        }
        if (kafka && (partition == null || offset == null)) {
            throw new IllegalArgumentException("Kafka source " + topic + " needs partition and offset");
        }
    }

    public static DeadLetterSource kafka(String topic, int partition, long offset) {
        return new DeadLetterSource(topic, partition, offset, null);
    }

    public static DeadLetterSource uri(String uri) {
        return new DeadLetterSource(null, null, null, uri);
    }

    @Override
    public String toString() {
        return topic != null ? topic + "-" + partition + "@" + offset : uri;
    }
}
