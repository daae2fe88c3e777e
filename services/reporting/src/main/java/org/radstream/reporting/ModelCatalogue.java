package org.radstream.reporting;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.radstream.events.ModelPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model version this instance has seen, for the nomogram scale of each RiskScore's model. The compacted
 * models topic is read from the beginning by every instance, outside any consumer group (like a Kafka Streams
 * GlobalKTable): each instance needs every model, whichever RiskScore partitions it owns. Versions stay in memory
 * once seen, so a version the topic's compaction later removes is still known to a running instance (an instance
 * started after that no longer knows it: its RiskScores are dead-lettered with the reason).
 *
 * <p>Records that cannot be decoded, or whose artifact is broken, are skipped here with a warning: the group
 * consumer of the same topic dead-letters them when it builds the model report.
 */
final class ModelCatalogue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalogue.class);

    private final Map<String, Map<Integer, PublishedModel>> models = new HashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final String topic;
    private final Properties consumerProps;
    private final Deserializer<ModelPublished> deserializer;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean stopping;
    private volatile Throwable failure;

    /** A catalogue filled only by {@link #put} (tests, or a caller that reads the topic itself). */
    ModelCatalogue() {
        this(null, null, null);
        caughtUp.countDown();
    }

    /**
     * @param topic          the models topic
     * @param consumerProps  connection settings; any {@code group.id} is removed (no group, no commits)
     * @param deserializer   ModelPublished value decoder
     */
    ModelCatalogue(String topic, Properties consumerProps, Deserializer<ModelPublished> deserializer) {
        this.topic = topic;
        this.deserializer = deserializer;
        this.consumerProps = new Properties();
        if (consumerProps != null) {
            this.consumerProps.putAll(consumerProps);
            this.consumerProps.remove(ConsumerConfig.GROUP_ID_CONFIG);
            this.consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            this.consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        }
    }

    /** Starts reading the topic from the beginning in its own thread. */
    synchronized void start(String clientId) {
        Objects.requireNonNull(topic, "this catalogue has no topic to read");
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        KafkaConsumer<String, byte[]> c = consumer;
        try {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (parts.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions");
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    accept(r);
                }
                if (caughtUp.getCount() > 0 && parts.stream().allMatch(p -> c.position(p) >= end.get(p))) {
                    LOG.info("model catalogue caught up with {}: {}", topic, describe());
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // stop() woke us
        } catch (RuntimeException e) {
            if (!stopping) {
                failure = e;
                LOG.error("model catalogue stopped reading {}", topic, e);
            }
        } finally {
            try {
                c.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.warn("closing the model catalogue consumer: {}", e.toString());
            }
        }
    }

    private void accept(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return; // a tombstone: versions already seen stay known
        }
        try {
            put(PublishedModel.load(deserializer.deserialize(r.topic(), r.headers(), r.value())));
        } catch (RuntimeException e) {
            LOG.warn("model catalogue skips {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    /** Adds a model version (the latest publication of a name and version wins). */
    synchronized void put(PublishedModel m) {
        models.computeIfAbsent(m.name(), k -> new TreeMap<>()).put(m.version(), m);
        notifyAll();
    }

    /** The version if seen, else null. */
    synchronized PublishedModel get(String name, int version) {
        Map<Integer, PublishedModel> v = models.get(name);
        return v == null ? null : v.get(version);
    }

    /** Whether any version of {@code name} has been seen. */
    synchronized boolean knows(String name) {
        return models.containsKey(name);
    }

    /**
     * Waits until the catalogue holds the version, at most {@code timeout}.
     *
     * @return the model, or null when it did not arrive in time
     */
    synchronized PublishedModel await(String name, int version, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        PublishedModel m;
        while ((m = get(name, version)) == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return m;
    }

    /** Waits until the topic was read up to its end as of the start; false on timeout. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** The read failure that stopped the catalogue, or null. */
    Throwable failure() {
        return failure;
    }

    /** Names and versions, e.g. {@code {nomogram=[1, 2]}} (no patient data). */
    synchronized String describe() {
        Map<String, Object> d = new TreeMap<>();
        models.forEach((n, v) -> d.put(n, v.keySet()));
        return d.toString();
    }

    @Override
    public void close() {
        stopping = true;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
