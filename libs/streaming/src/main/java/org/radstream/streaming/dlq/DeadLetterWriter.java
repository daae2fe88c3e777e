package org.radstream.streaming.dlq;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.radstream.events.DeadLetter;
import org.radstream.streaming.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link DeadLetter}s to {@link Topics#DLQ}, keyed by caseId, and counts them per (stage, reason).
 * For plain consumer loops and file-driven stages; Kafka Streams apps use {@link DeadLetterExceptionHandler},
 * which hands the record to Streams' own (transactional) producer instead.
 *
 * <p>The producer is given, with its value serializer already chosen (the Confluent-format Avro serializer
 * in production), and is not closed here.
 */
public final class DeadLetterWriter {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWriter.class);

    private final Producer<String, DeadLetter> producer;
    private final DeadLetterFactory factory;
    private final DeadLetterCounts counts;

    public DeadLetterWriter(Producer<String, DeadLetter> producer, DeadLetterFactory factory, DeadLetterCounts counts) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    /** Sends a dead letter for input that is not a Kafka record, or with explicit coordinates. */
    public Future<RecordMetadata> send(String caseId, ReasonCode reason, String message, Throwable error,
            DeadLetterSource source, byte[] originalValue) {
        DeadLetter dl = factory.create(caseId, reason, message, error, source, originalValue);
        counts.increment(factory.stage(), reason);
        // reason and coordinates only: never the message, which may quote input
        LOG.warn("dead letter: stage={} reason={} source={}", factory.stage(), reason, source);
        return producer.send(new ProducerRecord<>(Topics.DLQ.name(), caseId, dl));
    }

    /**
     * Sends a dead letter for a consumed record; the caseId is the record key when it is a string.
     *
     * @param rawValue the record's undecoded value bytes, or null when not available
     */
    public Future<RecordMetadata> send(ConsumerRecord<?, ?> failed, byte[] rawValue, ReasonCode reason,
            String message, Throwable error) {
        String caseId = failed.key() instanceof CharSequence cs ? cs.toString() : null;
        return send(caseId, reason, message, error,
                DeadLetterSource.kafka(failed.topic(), failed.partition(), failed.offset()), rawValue);
    }

    /**
     * Waits until a dead letter is acknowledged: a consumer may commit the failed record's offset only after
     * this returns, or the failure would be lost.
     *
     * @throws DeadLetterException when the DLQ write failed or timed out
     */
    public static RecordMetadata await(Future<RecordMetadata> sent, long timeoutMs) {
        try {
            return sent.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DeadLetterException("writing to " + Topics.DLQ.name() + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new DeadLetterException("writing to " + Topics.DLQ.name() + " not acknowledged within "
                    + timeoutMs + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException("interrupted while writing to " + Topics.DLQ.name(), e);
        }
    }

    public DeadLetterCounts counts() {
        return counts;
    }

    /** The dead-letter queue itself could not be written. */
    public static final class DeadLetterException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DeadLetterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
