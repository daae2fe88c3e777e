package org.radstream.training;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.radstream.events.DeadLetter;
import org.radstream.events.ModelPublished;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.DeadLetterFactory;
import org.radstream.streaming.dlq.DeadLetterSource;
import org.radstream.streaming.dlq.DeadLetterWriter;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.serde.ConfluentAvroSerializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.topics.Topics;

/**
 * The training stage's output: {@link ModelPublished} to {@code radstream.models.v1} keyed by model name, and
 * dead letters for failed runs, through one idempotent producer (Confluent-format Avro values). Each send waits
 * for the broker's acknowledgement.
 */
final class ModelPublisher implements AutoCloseable {
    static final long TIMEOUT_MS = 30_000;

    private final Producer<String, SpecificRecord> producer;
    private final DeadLetterWriter dlq;

    @SuppressWarnings("unchecked")
    ModelPublisher(RadstreamConfig config, SchemaRegistryClient registry, SchemaRegistration registration, String clientId,
            DeadLetterCounts counts, Clock clock) {
        this.producer = new KafkaProducer<>(ClientProperties.producer(config, clientId), new StringSerializer(),
                new ConfluentAvroSerializer<>(registry, RecordPart.VALUE, registration));
        // the serializer takes any generated record, DeadLetter included: one producer serves both
        this.dlq = new DeadLetterWriter((Producer<String, DeadLetter>) (Producer<?, ?>) producer,
                new DeadLetterFactory(TrainingService.STAGE, clock), counts);
    }

    Producer<String, SpecificRecord> producer() {
        return producer;
    }

    /** Publishes and waits for the acknowledgement. */
    RecordMetadata publish(ModelPublished m) {
        try {
            return producer.send(new ProducerRecord<>(Topics.MODELS.name(), m.getModelName(), m))
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing model " + m.getModelName() + " v" + m.getVersion() + " to "
                    + Topics.MODELS.name() + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("publishing model " + m.getModelName() + " v" + m.getVersion()
                    + " not acknowledged within " + TIMEOUT_MS + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing model " + m.getModelName(), e);
        }
    }

    /**
     * A dead letter for a failed training run: no case (key null), the training data named by its fingerprint
     * ({@code urn:radstream:training-data:sha256:<fingerprint>}) as the source.
     */
    void trainingFailed(ReasonCode reason, String message, Throwable error, String fingerprint) {
        DeadLetterWriter.await(dlq.send(null, reason, message, error,
                DeadLetterSource.uri("urn:radstream:training-data:sha256:" + fingerprint), null), TIMEOUT_MS);
    }

    /** A dead letter for an input record that could not be decoded. */
    void undecodable(String topic, int partition, long offset, byte[] rawValue, RuntimeException error) {
        DeadLetterWriter.await(dlq.send(null, ReasonCode.of(error, ReasonCode.DESERIALIZATION), null, error,
                DeadLetterSource.kafka(topic, partition, offset), rawValue), TIMEOUT_MS);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
