package org.radstream.inference;

import org.radstream.streaming.serde.RegistryEventSerdes;
import org.radstream.streaming.serde.EventSerdes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.radstream.events.DeadLetter;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.DeadLetterExceptionHandler;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.runtime.Health;
import org.radstream.streaming.runtime.ManagedService;
import org.radstream.streaming.runtime.StreamsService;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.topics.TopicAdmin;
import org.radstream.streaming.topics.Topics;

/**
 * The inference stage as a {@link ManagedService}: makes sure its topics exist, then runs
 * {@link InferenceTopology} with exactly_once_v2 ({@link ClientProperties#streams}), undecodable input to
 * the DLQ ({@link DeadLetterExceptionHandler}), and its Streams metrics bound to the stage's registry.
 */
public final class InferenceService implements ManagedService {
    private final StreamsService streams;
    private final StageMetrics metrics;
    private final RadstreamConfig config;

    public InferenceService(RadstreamConfig config, InferenceSettings settings, Path stateDir,
            SchemaRegistration registration, StageMetrics metrics, DeadLetterCounts counts) {
        this.config = Objects.requireNonNull(config);
        this.metrics = Objects.requireNonNull(metrics);
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistrySettings.fromConfluentConfig(config.registryClientConfig()));
        EventSerdes serdes = new RegistryEventSerdes(registry, registration);
        Properties p = ClientProperties.streams(config, InferenceTopology.STAGE, stateDir);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        DeadLetterExceptionHandler.configure(p, InferenceTopology.STAGE,
                serdes.<DeadLetter>forTopic(Topics.DLQ).serializer(), counts);
        this.streams = new StreamsService(InferenceTopology.STAGE,
                InferenceTopology.buildTopology(settings, serdes, counts, metrics), p);
    }

    @Override
    public String name() {
        return InferenceTopology.STAGE;
    }

    @Override
    public void start() {
        try (Admin admin = Admin.create(config.toKafkaProperties())) {
            new TopicAdmin(admin, 30_000).ensure(List.of(Topics.FEATURES_CASE, Topics.CLINICAL, Topics.MODELS,
                    Topics.RISK_SCORES, Topics.DLQ), (short) -1);
        }
        streams.start();
        metrics.bind(streams.streams());
    }

    @Override
    public Health health() {
        return streams.health();
    }

    @Override
    public void stop(Duration timeout) {
        streams.stop(timeout);
    }

    @Override
    public CompletableFuture<Void> termination() {
        return streams.termination();
    }

    /** The running Streams service (tests). */
    public StreamsService streams() {
        return streams;
    }
}
