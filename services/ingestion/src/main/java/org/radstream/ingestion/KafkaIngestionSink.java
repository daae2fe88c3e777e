package org.radstream.ingestion;

import java.time.Clock;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.radstream.events.DeadLetter;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.DeadLetterFactory;
import org.radstream.streaming.dlq.DeadLetterSource;
import org.radstream.streaming.dlq.DeadLetterWriter;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.serde.ConfluentAvroSerializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;

/**
 * {@link IngestionSink} on Kafka: one idempotent producer ({@link ClientProperties#producer}) with the
 * Confluent-format Avro serializer for every value, keyed by caseId; dead letters through the shared
 * {@link DeadLetterWriter}. Every send waits for the broker's acknowledgement.
 */
public final class KafkaIngestionSink implements IngestionSink, AutoCloseable {

    private final Producer<String, SpecificRecord> producer;
    private final DeadLetterWriter dlq;
    private final long timeoutMs;

    public KafkaIngestionSink(Producer<String, SpecificRecord> producer, DeadLetterWriter dlq, long timeoutMs) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.dlq = Objects.requireNonNull(dlq, "dlq");
        this.timeoutMs = timeoutMs;
    }

    /**
     * @param registration whether the serializer registers the event schemas (development, the demo) or only
     *                     looks them up (production, where schemas are registered by the release)
     */
    @SuppressWarnings("unchecked")
    public static KafkaIngestionSink create(RadstreamConfig config, String clientId, SchemaRegistration registration,
            DeadLetterCounts counts) {
        SchemaRegistryClient registry = new SchemaRegistryClient(
                RegistrySettings.fromConfluentConfig(config.registryClientConfig()));
        Properties p = ClientProperties.producer(config, clientId);
        Producer<String, SpecificRecord> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ConfluentAvroSerializer<>(registry, RecordPart.VALUE, registration));
        // the serializer takes any generated record, DeadLetter included: one producer serves both
        Producer<String, DeadLetter> dlqProducer = (Producer<String, DeadLetter>) (Producer<?, ?>) producer;
        DeadLetterWriter writer = new DeadLetterWriter(dlqProducer,
                new DeadLetterFactory(Ingestion.STAGE, Clock.systemUTC()), counts);
        return new KafkaIngestionSink(producer, writer, 30_000);
    }

    /** The producer, for client metrics. */
    public Producer<String, SpecificRecord> producer() {
        return producer;
    }

    @Override
    public void emit(TopicSpec topic, String caseId, SpecificRecord event) {
        if (!topic.valueType().isInstance(event)) {
            throw new IllegalArgumentException(topic.name() + " takes " + topic.valueSchemaName() + ", not "
                    + event.getClass().getSimpleName());
        }
        try {
            producer.send(new ProducerRecord<>(topic.name(), caseId, event)).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sending to " + topic.name() + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("sending to " + topic.name() + " not acknowledged within " + timeoutMs + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic.name(), e);
        }
    }

    @Override
    public void deadLetter(String caseId, ReasonCode reason, String message, String sourceUri) {
        DeadLetterWriter.await(dlq.send(caseId, reason, message, null, DeadLetterSource.uri(sourceUri), null), timeoutMs);
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }

    /** The topics this sink writes, for creating them. */
    public static java.util.List<TopicSpec> topics() {
        return java.util.List.of(Topics.STUDIES_RECEIVED, Topics.CLINICAL, Topics.OUTCOMES, Topics.DLQ);
    }
}
