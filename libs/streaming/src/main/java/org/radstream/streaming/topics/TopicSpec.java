package org.radstream.streaming.topics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;

/**
 * One topic of the catalogue: its name, what its key is, the Avro class of its values, and the settings
 * the topic is created with.
 *
 * @param name              full topic name, {@code radstream.<name>.v1}
 * @param key               what the (string) key holds
 * @param valueType         generated Avro class of the values (subject {@code <name>-value})
 * @param partitions        partition count; the same for every {@link KeyKind#CASE_ID} topic
 * @param cleanupPolicy     delete by time or compact by key
 * @param retention         {@code retention.ms}; {@code null} = keep forever ({@code -1})
 * @param minCompactionLag  {@code min.compaction.lag.ms} for compacted topics (every version stays readable
 *                          at least this long); {@code null} for delete topics
 * @param purpose           one line for the topics table
 */
public record TopicSpec(String name, KeyKind key, Class<? extends SpecificRecord> valueType, int partitions,
        CleanupPolicy cleanupPolicy, Duration retention, Duration minCompactionLag, String purpose) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        Objects.requireNonNull(purpose, "purpose");
        if (!name.matches("radstream\\.[a-z][a-z0-9.-]*\\.v[0-9]+")) {
            throw new IllegalArgumentException("topic name '" + name + "' is not radstream.<name>.v<N>");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, got " + partitions);
        }
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("topic " + name + ": retention must be positive or null (forever)");
        }
        if (minCompactionLag != null && cleanupPolicy != CleanupPolicy.COMPACT) {
            throw new IllegalArgumentException("topic " + name + ": min.compaction.lag applies to compacted topics only");
        }
    }

    /** The same topic with another partition count (a deployment choice, e.g. {@code --partitions}). */
    public TopicSpec withPartitions(int n) {
        return new TopicSpec(name, key, valueType, n, cleanupPolicy, retention, minCompactionLag, purpose);
    }

    /** Schema registry subject of the values under TopicNameStrategy. */
    public String valueSubject() {
        return name + "-value";
    }

    /** Simple name of the value's Avro record, e.g. {@code StudyReceived}. */
    public String valueSchemaName() {
        return valueType.getSimpleName();
    }

    /** {@code retention.ms} as Kafka wants it: milliseconds, or -1 for forever. */
    public long retentionMs() {
        return retention == null ? -1L : retention.toMillis();
    }

    /** Topic-level configs to create the topic with (only what differs from broker defaults on purpose). */
    public Map<String, String> topicConfigs() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("cleanup.policy", cleanupPolicy.kafkaValue());
        c.put("retention.ms", Long.toString(retentionMs()));
        if (minCompactionLag != null) {
            c.put("min.compaction.lag.ms", Long.toString(minCompactionLag.toMillis()));
        }
        return Map.copyOf(c);
    }
}
