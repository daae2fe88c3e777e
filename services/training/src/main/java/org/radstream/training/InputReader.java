package org.radstream.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.radstream.events.CaseFeatures;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.ModelPublished;
import org.radstream.events.Outcome;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.serde.ConfluentAvroDeserializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;

/**
 * Reads the training inputs whole: every partition of {@code features.case}, {@code clinical}, {@code outcomes} and
 * {@code models}, from the beginning (assigned, not subscribed: each training process needs all of them, and commits
 * nothing), into {@link LabelledCases} and {@link PublishedModels}. The end offsets seen at {@link #start} tell when
 * the history has been read ({@link #caughtUp}). Values are decoded per topic (Confluent wire format); a record that
 * cannot be decoded goes to the caller's {@link BadRecords} and the reading goes on.
 */
final class InputReader implements AutoCloseable {
    static final List<TopicSpec> TOPICS = List.of(Topics.FEATURES_CASE, Topics.CLINICAL, Topics.OUTCOMES, Topics.MODELS);

    /** Receives records that cannot be decoded. */
    @FunctionalInterface
    interface BadRecords {
        void reject(ConsumerRecord<byte[], byte[]> raw, String key, RuntimeException error);
    }

    /** What one poll read. */
    record Polled(int records, int labelledChanges, int modelUpdates) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Deserializer<?>> values = new HashMap<>();
    private final StringDeserializer keys = new StringDeserializer();
    private final LabelledCases cases = new LabelledCases();
    private final PublishedModels models = new PublishedModels();
    private final BadRecords bad;
    private Map<TopicPartition, Long> endAtStart = Map.of();
    private boolean caughtUp;

    /** @param consumerProps connection properties (deserializers and offsets are set here) */
    InputReader(Properties consumerProps, SchemaRegistryClient registry, BadRecords bad) {
        Properties p = new Properties();
        p.putAll(consumerProps);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group, no commits
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.bad = Objects.requireNonNull(bad, "bad");
        for (TopicSpec t : TOPICS) {
            values.put(t.name(), new ConfluentAvroDeserializer<>(registry, t.valueType(), RecordPart.VALUE));
        }
    }

    /** Assigns every partition of the four topics at their beginning and notes their end offsets. */
    void start(Duration timeout) {
        List<TopicPartition> tps = new ArrayList<>();
        for (TopicSpec t : TOPICS) {
            List<PartitionInfo> parts = consumer.partitionsFor(t.name(), timeout);
            if (parts == null || parts.isEmpty()) {
                throw new IllegalStateException("topic " + t.name() + " has no partitions (does it exist?)");
            }
            parts.forEach(pi -> tps.add(new TopicPartition(pi.topic(), pi.partition())));
        }
        consumer.assign(tps);
        consumer.seekToBeginning(tps);
        endAtStart = consumer.endOffsets(tps, timeout);
        caughtUp = false;
    }

    /** Reads what is there within {@code timeout} and applies it. */
    Polled poll(Duration timeout) {
        int n = 0, changes = 0, modelUpdates = 0;
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            n++;
            String key;
            Object value;
            try {
                key = keys.deserialize(r.topic(), r.key());
                value = values.get(r.topic()).deserialize(r.topic(), r.headers(), r.value());
            } catch (RuntimeException e) {
                bad.reject(r, null, e);
                continue;
            }
            if (r.topic().equals(Topics.MODELS.name())) {
                modelUpdates += models.put(key, (ModelPublished) value) ? 1 : 0;
            } else if (r.topic().equals(Topics.FEATURES_CASE.name())) {
                changes += cases.putFeatures(key, (CaseFeatures) value) ? 1 : 0;
            } else if (r.topic().equals(Topics.CLINICAL.name())) {
                changes += cases.putClinical(key, (ClinicalRecord) value) ? 1 : 0;
            } else {
                changes += cases.putOutcome(key, (Outcome) value) ? 1 : 0;
            }
        }
        return new Polled(n, changes, modelUpdates);
    }

    /** True once every partition has been read up to its end offset at {@link #start} (then stays true). */
    boolean caughtUp() {
        if (!caughtUp) {
            for (Map.Entry<TopicPartition, Long> e : endAtStart.entrySet()) {
                if (consumer.position(e.getKey()) < e.getValue()) {
                    return false;
                }
            }
            caughtUp = true;
        }
        return true;
    }

    /** Reads until caught up (the one-shot {@code radstream train}). */
    void readToEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the training topics were not read to their end within " + timeout);
            }
            poll(Duration.ofMillis(200));
        }
    }

    LabelledCases cases() {
        return cases;
    }

    PublishedModels models() {
        return models;
    }

    /** The consumer, for its client metrics (records lag per partition). */
    KafkaConsumer<byte[], byte[]> consumer() {
        return consumer;
    }

    /** Interrupts a blocking poll from another thread. */
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
