package org.radstream.streaming.stage;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.radstream.events.DeadLetter;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.DeadLetterFactory;
import org.radstream.streaming.dlq.DeadLetterWriter;
import org.radstream.streaming.metrics.ConsumerGroupLagMetrics;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.runtime.ConsumerLoopService;
import org.radstream.streaming.runtime.Health;
import org.radstream.streaming.runtime.ManagedService;
import org.radstream.streaming.runtime.RecordHandler;
import org.radstream.streaming.serde.ConfluentAvroDeserializer;
import org.radstream.streaming.serde.ConfluentAvroSerializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.topics.TopicAdmin;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;

/**
 * A stage that consumes one topic record by record and emits events (preprocessing, feature extraction), as a
 * {@link ManagedService}: wiring only. On start it makes sure its topics exist, opens one idempotent producer
 * (Confluent-format Avro values, shared by outputs and the DLQ) and runs the shared {@link ConsumerLoopService},
 * which commits a record only after the handler returned, i.e. after its outputs were acknowledged, and sends
 * a record whose handler threw to the DLQ with the reason the exception carries. Its producer's and consumer's
 * client metrics and its group's committed lag ({@link ConsumerGroupLagMetrics}) go to the stage's metrics.
 * Instances with the same
 * consumer group share the input's partitions: run more of them to scale.
 *
 * @param <V> the input event type
 */
public final class ConsumerStageService<V extends SpecificRecord> implements ManagedService {

    /** Builds the per-record work once the output is open. */
    @FunctionalInterface
    public interface HandlerFactory<V> {
        RecordHandler<String, V> create(StageOutput output);
    }

    private final String stage;
    private final RadstreamConfig config;
    private final StageSettings settings;
    private final TopicSpec input;
    private final Class<V> inputType;
    private final List<TopicSpec> outputs;
    private final StageMetrics metrics;
    private final DeadLetterCounts counts;
    private final HandlerFactory<V> handlers;
    private final CompletableFuture<Void> termination = new CompletableFuture<>();

    private volatile Producer<String, SpecificRecord> producer;
    private volatile ConsumerLoopService<String, V> loop;
    private volatile ConsumerGroupLagMetrics lag;

    public ConsumerStageService(String stage, RadstreamConfig config, StageSettings settings, TopicSpec input,
            Class<V> inputType, List<TopicSpec> outputs, StageMetrics metrics, DeadLetterCounts counts,
            HandlerFactory<V> handlers) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.input = Objects.requireNonNull(input, "input");
        this.inputType = Objects.requireNonNull(inputType, "inputType");
        this.outputs = List.copyOf(outputs);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    @Override
    public String name() {
        return stage;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void start() {
        List<TopicSpec> topics = new ArrayList<>(outputs);
        topics.add(0, input);
        if (!topics.contains(Topics.DLQ)) {
            topics.add(Topics.DLQ);
        }
        try (Admin admin = Admin.create(config.toKafkaProperties())) {
            new TopicAdmin(admin, 30_000).ensure(topics, (short) -1);
        }
        SchemaRegistryClient registry = new SchemaRegistryClient(
                RegistrySettings.fromConfluentConfig(config.registryClientConfig()));
        producer = new KafkaProducer<>(ClientProperties.producer(config, stage), new StringSerializer(),
                new ConfluentAvroSerializer<>(registry, RecordPart.VALUE, settings.registerSchemas()
                        ? SchemaRegistration.AUTO_REGISTER : SchemaRegistration.LOOKUP_ONLY));
        metrics.bind(producer);
        // the serializer takes any generated record, DeadLetter included: one producer serves both
        DeadLetterWriter dlq = new DeadLetterWriter((Producer<String, DeadLetter>) (Producer<?, ?>) producer,
                new DeadLetterFactory(stage, Clock.systemUTC()), counts);
        loop = new ConsumerLoopService<>(stage, ClientProperties.consumer(config, settings.groupId()),
                List.of(input.name()), new StringDeserializer(),
                new ConfluentAvroDeserializer<>(registry, inputType, RecordPart.VALUE),
                handlers.create(new StageOutput(producer, 30_000)), dlq);
        loop.start();
        metrics.bind(loop.consumer());
        lag = new ConsumerGroupLagMetrics(metrics.registry(), config.toKafkaProperties(), settings.groupId(),
                StreamsStageService.LAG_SAMPLE_INTERVAL);
        loop.termination().whenComplete((v, e) -> {
            if (e != null) {
                termination.completeExceptionally(e);
            }
        });
    }

    @Override
    public Health health() {
        ConsumerLoopService<String, V> l = loop;
        return l == null ? new Health(true, false, "CREATED", java.util.Map.of()) : l.health();
    }

    @Override
    public synchronized void stop(Duration timeout) {
        if (lag != null) {
            lag.close();
        }
        if (loop != null) {
            loop.stop(timeout);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        termination.complete(null);
    }

    @Override
    public CompletableFuture<Void> termination() {
        return termination;
    }
}
