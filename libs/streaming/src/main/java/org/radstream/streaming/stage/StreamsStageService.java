package org.radstream.streaming.stage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.radstream.events.DeadLetter;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.DeadLetterExceptionHandler;
import org.radstream.streaming.metrics.ConsumerGroupLagMetrics;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.runtime.Health;
import org.radstream.streaming.runtime.ManagedService;
import org.radstream.streaming.runtime.StreamsService;
import org.radstream.streaming.serde.EventSerdes;
import org.radstream.streaming.serde.RegistryEventSerdes;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.topics.TopicAdmin;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;

/**
 * A Kafka Streams stage (quality gate, inference) as a {@link ManagedService}: wiring only, the stage gives its
 * topology. On start it makes sure its topics exist, then runs the topology with exactly_once_v2
 * ({@link ClientProperties#streams}; application id = {@link StageSettings#groupId()}, state in
 * {@code --state-dir}), registry-backed serdes, undecodable input to the DLQ ({@link DeadLetterExceptionHandler}),
 * its Kafka Streams metrics bound to the stage's registry and its consumer-group lag sampled
 * ({@link ConsumerGroupLagMetrics}).
 */
public final class StreamsStageService implements ManagedService {

    /** How often the group's committed lag is sampled for {@code /metrics}. */
    public static final Duration LAG_SAMPLE_INTERVAL = Duration.ofSeconds(10);

    /** Builds the stage's topology from the serdes it should use. */
    @FunctionalInterface
    public interface TopologyFactory {
        Topology build(EventSerdes serdes);
    }

    /** The {@code --state-dir} flag every Streams stage declares (RocksDB stores; keep on a persistent volume). */
    public static StageFlag stateDirFlag(String stage) {
        return new StageFlag("state.dir", "state/" + stage,
                "Kafka Streams state directory (RocksDB stores); keep it on a persistent volume so a restart resumes.");
    }

    private final String stage;
    private final RadstreamConfig config;
    private final StageSettings settings;
    private final List<TopicSpec> topics;
    private final StageMetrics metrics;
    private final StreamsService streams;
    private volatile ConsumerGroupLagMetrics lag;
    private GlobalDeadLetters globalDeadLetters;

    /**
     * @param topics   every topic the topology reads or writes (the DLQ is added)
     * @param topology the stage's topology from the serdes
     */
    public StreamsStageService(String stage, RadstreamConfig config, StageSettings settings, List<TopicSpec> topics,
            StageMetrics metrics, DeadLetterCounts counts, TopologyFactory topology) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        List<TopicSpec> all = new ArrayList<>(topics);
        if (!all.contains(Topics.DLQ)) {
            all.add(Topics.DLQ);
        }
        this.topics = List.copyOf(all);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        SchemaRegistryClient registry = new SchemaRegistryClient(
                RegistrySettings.fromConfluentConfig(config.registryClientConfig()));
        EventSerdes serdes = new RegistryEventSerdes(registry,
                settings.registerSchemas() ? SchemaRegistration.AUTO_REGISTER : SchemaRegistration.LOOKUP_ONLY);
        Properties p = ClientProperties.streams(config, settings.groupId(), Path.of(settings.option("state.dir")));
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        DeadLetterExceptionHandler.configure(p, stage, serdes.<DeadLetter>forTopic(Topics.DLQ).serializer(),
                Objects.requireNonNull(counts, "counts"));
        Topology built = topology.build(serdes);
        Set<String> globalTopics = new TreeSet<>();
        built.describe().globalStores().forEach(g -> globalTopics.addAll(g.source().topicSet()));
        if (!globalTopics.isEmpty()) {
            globalDeadLetters = new GlobalDeadLetters(globalTopics);
            p.put(DeadLetterExceptionHandler.GLOBAL_SENDER_CONFIG, globalDeadLetters);
        }
        this.streams = new StreamsService(stage, built, p);
    }

    /** Dead letters of GlobalKTable topics, sent with a producer of their own, opened on first use. */
    private final class GlobalDeadLetters implements DeadLetterExceptionHandler.GlobalDeadLetterSender {
        private final Set<String> topics;
        private KafkaProducer<byte[], byte[]> producer;

        GlobalDeadLetters(Set<String> topics) {
            this.topics = Set.copyOf(topics);
        }

        @Override
        public Set<String> topics() {
            return topics;
        }

        @Override
        public synchronized void send(ProducerRecord<byte[], byte[]> deadLetter) {
            if (producer == null) {
                producer = new KafkaProducer<>(ClientProperties.producer(config, stage + "-global-dlq"),
                        new ByteArraySerializer(), new ByteArraySerializer());
            }
            try {
                producer.send(deadLetter).get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(stage + ": dead letter of a global topic could not be sent: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(stage + ": interrupted sending a dead letter", e);
            }
        }

        synchronized void close() {
            if (producer != null) {
                producer.close(Duration.ofSeconds(10));
            }
        }
    }

    @Override
    public String name() {
        return stage;
    }

    @Override
    public synchronized void start() {
        try (Admin admin = Admin.create(config.toKafkaProperties())) {
            new TopicAdmin(admin, 30_000).ensure(topics, (short) -1);
        }
        streams.start();
        metrics.bind(streams.streams());
        lag = new ConsumerGroupLagMetrics(metrics.registry(), config.toKafkaProperties(), settings.groupId(),
                LAG_SAMPLE_INTERVAL);
    }

    @Override
    public Health health() {
        return streams.health();
    }

    @Override
    public synchronized void stop(Duration timeout) {
        if (lag != null) {
            lag.close();
        }
        streams.stop(timeout);
        if (globalDeadLetters != null) {
            globalDeadLetters.close();
        }
    }

    @Override
    public CompletableFuture<Void> termination() {
        return streams.termination();
    }

    /** The running Kafka Streams client (tests, interactive queries); null before {@link #start()}. */
    public KafkaStreams streams() {
        return streams.streams();
    }
}
