package org.radstream.streaming.lag;

/**
 * Lag of one consumer group on one partition at one moment.
 *
 * @param topic           topic
 * @param partition       partition
 * @param committedOffset the group's committed offset (next record to consume), or null when the group has
 *                        none for this partition (assigned but never committed): lag is then unknown
 * @param endOffset       log end offset (offset of the next record to be written)
 * @param lag             {@code endOffset - committedOffset} records (never negative), or null without a commit
 * @param lagMillis       age of the oldest unconsumed record, {@code now - timestamp(record at committedOffset)},
 *                        0 when {@code lag == 0}; null when unknown (no commit, or the record could not be read)
 */
public record PartitionLag(String topic, int partition, Long committedOffset, long endOffset, Long lag, Long lagMillis) {

    public PartitionLag {
        if (lag != null && lag < 0) {
            throw new IllegalArgumentException("negative lag " + lag + " on " + topic + "-" + partition);
        }
    }

    /** {@code topic-partition}, as Kafka tools print it. */
    public String name() {
        return topic + "-" + partition;
    }
}
