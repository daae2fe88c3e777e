package org.radstream.streaming.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.radstream.streaming.dlq.DeadLetterSource;
import org.radstream.streaming.dlq.DeadLetterWriter;
import org.radstream.streaming.dlq.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain consumer loop as a {@link ManagedService}, for stages whose work per record is long and not a
 * stream transformation (ingestion of a DICOM study, preprocessing, feature extraction).
 *
 * <p>Offsets are committed by hand, one record at a time, <b>after</b> the {@link RecordHandler} returned:
 * a record whose work did not finish is never committed and is processed again after a restart
 * (at-least-once; handlers are idempotent by caseId). Committing per record costs a few milliseconds,
 * against seconds of imaging work per record.
 *
 * <p>Failures: a record whose key or value cannot be decoded, or whose handler throws, goes to the DLQ
 * (raw bytes and coordinates), and its offset is committed only after the DLQ acknowledged it. If the DLQ
 * cannot be written the loop stops with an error and nothing more is committed.
 *
 * <p>Stopping: {@link #stop(Duration)} lets the record in progress finish within the timeout (and commits
 * it), then interrupts the handler; an interrupted record is abandoned uncommitted. Records fetched but not
 * started are not committed either.
 */
public final class ConsumerLoopService<K, V> implements ManagedService {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoopService.class);

    private final String name;
    private final Properties consumerProps;
    private final List<String> topics;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final RecordHandler<K, V> handler;
    private final DeadLetterWriter dlq;
    private final Duration pollTimeout;
    private final long dlqTimeoutMs;

    private final CompletableFuture<Void> termination = new CompletableFuture<>();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean stopping;
    private volatile boolean polling;
    private volatile Thread loopThread;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param name              service name
     * @param consumerProps     consumer settings with at least bootstrap, security and {@code group.id};
     *                          {@code enable.auto.commit} is forced to false, deserializers to bytes
     * @param topics            topics to subscribe to
     * @param keyDeserializer   key decoder (run inside the loop, so failures reach the DLQ)
     * @param valueDeserializer value decoder
     * @param handler           the stage's work for one record
     * @param dlq               where failed records go
     */
    public ConsumerLoopService(String name, Properties consumerProps, Collection<String> topics,
            Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer, RecordHandler<K, V> handler,
            DeadLetterWriter dlq) {
        this.name = Objects.requireNonNull(name, "name");
        this.topics = List.copyOf(topics);
        this.keyDeserializer = Objects.requireNonNull(keyDeserializer, "keyDeserializer");
        this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "valueDeserializer");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.dlq = Objects.requireNonNull(dlq, "dlq");
        if (this.topics.isEmpty()) {
            throw new IllegalArgumentException("service " + name + ": no topics to consume");
        }
        if (consumerProps.get(ConsumerConfig.GROUP_ID_CONFIG) == null) {
            throw new IllegalArgumentException("service " + name + ": consumer properties need group.id");
        }
        this.consumerProps = new Properties();
        this.consumerProps.putAll(consumerProps);
        this.consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumerProps.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumerProps.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerProps.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, name);
        this.pollTimeout = Duration.ofMillis(500);
        this.dlqTimeoutMs = 30_000;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        if (loopThread != null) {
            throw new IllegalStateException("service " + name + " already started");
        }
        consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Thread t = new Thread(this::loop, "loop-" + name);
        loopThread = t;
        t.start();
    }

    /**
     * The loop's consumer, for binding its client metrics ({@code metrics()} may be read from any thread); null
     * before {@link #start()}. Not for polling or committing: the loop thread owns it.
     */
    public org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer() {
        return consumer;
    }

    @Override
    public Health health() {
        Thread t = loopThread;
        boolean live = t == null || !termination.isCompletedExceptionally();
        String state = t == null ? "CREATED" : termination.isDone() ? "STOPPED" : polling ? "RUNNING" : "STARTING";
        return new Health(live, polling && !termination.isDone(), state,
                Map.of("processed", processed.get(), "deadLettered", deadLettered.get()));
    }

    @Override
    public void stop(Duration timeout) {
        Thread t = loopThread;
        stopping = true;
        if (t == null) {
            termination.complete(null);
            return;
        }
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            t.join(timeout.toMillis());
            if (t.isAlive()) {
                LOG.warn("{}: record still in progress after {}; interrupting it (it stays uncommitted)", name, timeout);
                t.interrupt();
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
            if (t.isAlive()) {
                LOG.error("{}: the loop thread ignores interruption; giving up waiting", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public CompletableFuture<Void> termination() {
        return termination;
    }

    private void loop() {
        Throwable failure = null;
        KafkaConsumer<byte[], byte[]> c = consumer;
        try {
            c.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // nothing pending: every finished record is already committed
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    LOG.info("{}: assigned {}", name, partitions);
                }
            });
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = c.poll(pollTimeout);
                } catch (WakeupException e) {
                    continue; // stop() woke us: the while condition decides
                }
                polling = true;
                List<ConsumerRecord<byte[], byte[]>> batch = List.copyOf(toList(records));
                for (int i = 0; i < batch.size(); i++) {
                    if (stopping) {
                        break; // fetched but not started: left uncommitted
                    }
                    Outcome o = process(c, batch.get(i));
                    if (o == Outcome.ABANDONED) {
                        break;
                    }
                    if (o == Outcome.PARTITIONS_LOST) {
                        rewind(c, batch.subList(i + 1, batch.size()));
                        break;
                    }
                }
            }
        } catch (InterruptException | WakeupException e) {
            if (!stopping) {
                failure = e;
            }
        } catch (Throwable t) {
            failure = t;
            LOG.error("{}: consumer loop failed", name, t);
        } finally {
            polling = false;
            Thread.interrupted(); // closing must not be cut short by a stop's interrupt
            try {
                c.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.warn("{}: closing the consumer: {}", name, e.toString());
            }
            if (failure == null) {
                termination.complete(null);
            } else {
                termination.completeExceptionally(failure);
            }
        }
    }

    private enum Outcome { DONE, ABANDONED, PARTITIONS_LOST }

    private Outcome process(KafkaConsumer<byte[], byte[]> c, ConsumerRecord<byte[], byte[]> raw) {
        DeadLetterSource source = DeadLetterSource.kafka(raw.topic(), raw.partition(), raw.offset());
        ConsumerRecord<K, V> typed;
        try {
            K key = keyDeserializer.deserialize(raw.topic(), raw.headers(), raw.key());
            V value = valueDeserializer.deserialize(raw.topic(), raw.headers(), raw.value());
            typed = new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(),
                    raw.timestampType(), raw.serializedKeySize(), raw.serializedValueSize(), key, value,
                    raw.headers(), raw.leaderEpoch());
        } catch (RuntimeException e) {
            deadLetter(utf8OrNull(raw.key()), ReasonCode.of(e, ReasonCode.DESERIALIZATION), e, source, raw.value());
            return commit(c, raw, false);
        }
        try {
            handler.handle(typed);
        } catch (Exception e) {
            if (stopping && (Thread.currentThread().isInterrupted() || isInterruption(e))) {
                LOG.info("{}: stopped during {}; left uncommitted for the next run", name, source);
                return Outcome.ABANDONED;
            }
            String caseId = typed.key() instanceof CharSequence cs ? cs.toString() : null;
            deadLetter(caseId, ReasonCode.of(e, ReasonCode.PROCESSING_ERROR), e, source, raw.value());
        }
        // the work is finished: commit it even if a stop's interrupt arrived meanwhile (the loop sees `stopping`)
        Thread.interrupted();
        return commit(c, raw, true);
    }

    private void deadLetter(String caseId, ReasonCode reason, Exception e, DeadLetterSource source, byte[] rawValue) {
        boolean interrupted = Thread.interrupted(); // the DLQ write must complete before the commit
        try {
            DeadLetterWriter.await(dlq.send(caseId, reason, null, e, source, rawValue), dlqTimeoutMs);
            deadLettered.incrementAndGet();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Outcome commit(KafkaConsumer<byte[], byte[]> c, ConsumerRecord<byte[], byte[]> raw, boolean countAsProcessed) {
        TopicPartition tp = new TopicPartition(raw.topic(), raw.partition());
        Map<TopicPartition, OffsetAndMetadata> offset =
                Map.of(tp, new OffsetAndMetadata(raw.offset() + 1, raw.leaderEpoch(), ""));
        try {
            try {
                c.commitSync(offset);
            } catch (WakeupException stopWokeUsDuringTheWork) {
                // stop()'s wakeup meant for poll() fires at the next blocking call: this commit of finished
                // work must still happen (committing the same offset twice is harmless)
                c.commitSync(offset);
            }
        } catch (CommitFailedException | RebalanceInProgressException e) {
            LOG.warn("{}: partition {} moved to another member before offset {} was committed; it will be "
                    + "processed again there", name, tp, raw.offset());
            return Outcome.PARTITIONS_LOST;
        }
        if (countAsProcessed) {
            processed.incrementAndGet();
        }
        return Outcome.DONE;
    }

    /** Seeks back to the first unprocessed record of each still-assigned partition, so none is skipped. */
    private static void rewind(KafkaConsumer<byte[], byte[]> c, List<ConsumerRecord<byte[], byte[]>> unprocessed) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (var r : unprocessed) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        var assigned = c.assignment();
        first.forEach((tp, offset) -> {
            if (assigned.contains(tp)) {
                c.seek(tp, offset);
            }
        });
    }

    private static List<ConsumerRecord<byte[], byte[]>> toList(ConsumerRecords<byte[], byte[]> records) {
        java.util.ArrayList<ConsumerRecord<byte[], byte[]>> l = new java.util.ArrayList<>(records.count());
        records.forEach(l::add);
        return l;
    }

    private static boolean isInterruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptException) {
                return true;
            }
        }
        return false;
    }

    private static String utf8OrNull(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
