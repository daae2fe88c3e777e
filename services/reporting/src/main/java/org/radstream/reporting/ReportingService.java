package org.radstream.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.radstream.events.DeadLetter;
import org.radstream.events.ModelPublished;
import org.radstream.events.RiskScore;
import org.radstream.streaming.blob.FileSystemBlobStore;
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
import org.radstream.streaming.serde.ConfluentAvroDeserializer;
import org.radstream.streaming.serde.ConfluentAvroSerializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.stage.StageOutput;
import org.radstream.streaming.stage.StageSettings;
import org.radstream.streaming.stage.StreamsStageService;
import org.radstream.streaming.topics.TopicAdmin;
import org.radstream.streaming.topics.Topics;

/**
 * The reporting stage as a {@link ManagedService}: wiring only. One consumer group reads
 * {@code radstream.risk.scores.v1} and {@code radstream.models.v1} through the shared {@link ConsumerLoopService}
 * (an input is committed only after its report file is written and its ReportReady acknowledged; a failed input
 * goes to the DLQ with its reason), so each case report and each model report is made by one instance of the group.
 * Beside it, every instance keeps a {@link ModelCatalogue} of all model versions, read from the beginning of the
 * compacted models topic outside the group, for the nomogram scale of whichever RiskScores it gets. Metrics: the
 * stage's counters and processing time, its producer's and group consumer's client metrics and the group's
 * committed lag ({@link ConsumerGroupLagMetrics}).
 */
public final class ReportingService implements ManagedService {
    private final String stage;
    private final RadstreamConfig config;
    private final StageSettings settings;
    private final ReportingSettings reporting;
    private final StageMetrics metrics;
    private final DeadLetterCounts counts;
    private final CompletableFuture<Void> termination = new CompletableFuture<>();

    private volatile Producer<String, SpecificRecord> producer;
    private volatile ModelCatalogue catalogue;
    private volatile ConsumerLoopService<String, SpecificRecord> loop;
    private volatile ConsumerGroupLagMetrics lag;

    public ReportingService(String stage, RadstreamConfig config, StageSettings settings, ReportingSettings reporting,
            StageMetrics metrics, DeadLetterCounts counts) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reporting = Objects.requireNonNull(reporting, "reporting");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    @Override
    public String name() {
        return stage;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void start() {
        try (Admin admin = Admin.create(config.toKafkaProperties())) {
            new TopicAdmin(admin, 30_000).ensure(List.of(Topics.RISK_SCORES, Topics.MODELS, Topics.REPORTS, Topics.DLQ), (short) -1);
        }
        FileSystemBlobStore blobs;
        try {
            blobs = new FileSystemBlobStore(settings.blobDir());
        } catch (IOException e) {
            throw new UncheckedIOException(stage + ": blob store " + settings.blobDir() + " cannot be opened: " + e.getMessage(), e);
        }
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistrySettings.fromConfluentConfig(config.registryClientConfig()));
        producer = new KafkaProducer<>(ClientProperties.producer(config, stage), new StringSerializer(),
                new ConfluentAvroSerializer<>(registry, RecordPart.VALUE, settings.registerSchemas()
                        ? SchemaRegistration.AUTO_REGISTER : SchemaRegistration.LOOKUP_ONLY));
        metrics.bind(producer);
        DeadLetterWriter dlq = new DeadLetterWriter((Producer<String, DeadLetter>) (Producer<?, ?>) producer,
                new DeadLetterFactory(stage, Clock.systemUTC()), counts);

        ConfluentAvroDeserializer<ModelPublished> models = new ConfluentAvroDeserializer<>(registry, ModelPublished.class, RecordPart.VALUE);
        catalogue = new ModelCatalogue(Topics.MODELS.name(), ClientProperties.consumer(config, settings.groupId()), models);
        catalogue.start(stage + "-models");

        Map<String, org.apache.kafka.common.serialization.Deserializer<? extends SpecificRecord>> decoders = new LinkedHashMap<>();
        decoders.put(Topics.RISK_SCORES.name(), new ConfluentAvroDeserializer<>(registry, RiskScore.class, RecordPart.VALUE));
        decoders.put(Topics.MODELS.name(), models);
        ReportingHandler handler = new ReportingHandler(catalogue, new ReportWriter(blobs), new StageOutput(producer, 30_000),
                metrics, reporting, Clock.systemUTC());
        loop = new ConsumerLoopService<>(stage, ClientProperties.consumer(config, settings.groupId()),
                List.of(Topics.RISK_SCORES.name(), Topics.MODELS.name()), new StringDeserializer(),
                new TopicDeserializer(decoders), handler, dlq);
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
        ConsumerLoopService<String, SpecificRecord> l = loop;
        ModelCatalogue c = catalogue;
        if (l == null || c == null) {
            return new Health(true, false, "CREATED", Map.of());
        }
        Health h = l.health();
        Map<String, Object> details = new LinkedHashMap<>(h.details());
        details.put("models", c.describe());
        details.put("modelsCaughtUp", c.isCaughtUp());
        boolean catalogueAlive = c.failure() == null;
        return new Health(h.live() && catalogueAlive, h.ready() && c.isCaughtUp() && catalogueAlive,
                catalogueAlive ? h.state() : "MODELS_FAILED", details);
    }

    @Override
    public synchronized void stop(Duration timeout) {
        if (lag != null) {
            lag.close();
        }
        if (loop != null) {
            loop.stop(timeout);
        }
        if (catalogue != null) {
            catalogue.close();
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
