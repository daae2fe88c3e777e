package org.radstream.qualitygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.CaseFeatures;
import org.radstream.events.FeatureValues;
import org.radstream.events.Reader;
import org.radstream.events.Sequence;
import org.radstream.events.StableFeatureSet;
import org.radstream.modeling.icc.ReproducibilityGate;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.embedded.EmbeddedPlatform;
import org.radstream.streaming.metrics.ConsumerGroupLagMetrics;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.runtime.ServiceRunner;
import org.radstream.streaming.stage.StageSettings;
import org.radstream.streaming.stage.StreamsStageService;
import org.radstream.streaming.serde.ConfluentAvroDeserializer;
import org.radstream.streaming.serde.ConfluentAvroSerializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.topics.Topics;

/**
 * The quality gate on the embedded KRaft broker with the real (Apicurio) registry and exactly_once_v2, two
 * instances of the application sharing the 6-partition features topic: cases complete before any stable set wait, pairs spread over partitions
 * meet in the per-sequence ICC task (repartition), every sequence gets a stable set whose ICCs equal the
 * modeling library's on the same numbers, and every complete case is emitted once with gated features only.
 */
class QualityGateIT {
    static final int PAIRS = 5;
    @TempDir
    static Path dir;
    static EmbeddedPlatform platform;
    static SchemaRegistryClient registry;

    @BeforeAll
    static void start() {
        platform = EmbeddedPlatform.start(dir.resolve("platform"));
        registry = new SchemaRegistryClient(RegistrySettings.of(platform.registryUrl()));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void stableSetsPerSequenceAndGatedCasesAcrossPartitions() throws Exception {
        RadstreamConfig config = RadstreamConfig.local(platform.bootstrapServers(), platform.registryUrl());
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, ClientProperties.streams(config, "x", dir)
                .get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        DeadLetterCounts counts = new DeadLetterCounts();
        StageSettings settings = QualityGateMain.DEFINITION.defaults().withOption("min.pairs", Integer.toString(PAIRS))
                .withHealthHost("127.0.0.1").withHealthPort(0);
        // two instances of the same application (one consumer group), as a scaled-out deployment runs it
        try (StageMetrics metrics = new StageMetrics(QualityGateTopology.STAGE, counts);
             StageMetrics metrics2 = new StageMetrics(QualityGateTopology.STAGE, counts);
             ServiceRunner.Running running = ServiceRunner.start(QualityGateMain.DEFINITION.factory().create(config,
                     settings.withOption("state.dir", dir.resolve("state-1").toString()), metrics, counts), settings.runner());
             ServiceRunner.Running running2 = ServiceRunner.start(QualityGateMain.DEFINITION.factory().create(config,
                     settings.withOption("state.dir", dir.resolve("state-2").toString()), metrics2, counts), settings.runner());
             KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(ClientProperties.producer(config, "it"),
                     new StringSerializer(), new ConfluentAvroSerializer<>(registry, RecordPart.VALUE, SchemaRegistration.AUTO_REGISTER))) {
            // case 30 and 31: reader A only, complete before any set exists
            for (int i = 30; i < 32; i++) {
                for (Sequence s : Sequence.values()) {
                    send(producer, i, s, Reader.A);
                }
            }
            for (Sequence s : Sequence.values()) {
                for (int i = 0; i < PAIRS; i++) {
                    send(producer, i, s, Reader.A);
                    send(producer, i, s, Reader.B);
                }
            }
            List<StableFeatureSet> sets = read(Topics.QUALITY_STABLE_FEATURES.name(), StableFeatureSet.class, 5, Duration.ofSeconds(90));
            assertEquals(5, sets.size(), "one set per sequence at " + PAIRS + " pairs");
            List<CaseFeatures> cases = read(Topics.FEATURES_CASE.name(), CaseFeatures.class, PAIRS + 2, Duration.ofSeconds(60));
            Map<String, CaseFeatures> byCase = new LinkedHashMap<>();
            cases.forEach(c -> byCase.put(c.getCaseId(), c));
            assertEquals(PAIRS + 2, cases.size(), "each complete case once: " + byCase.keySet());
            assertTrue(byCase.containsKey("case-30") && byCase.containsKey("case-31"), "waiting cases released");
            for (ServiceRunner.Running r : List.of(running, running2)) {
                var threads = ((StreamsStageService) r.service()).streams().metadataForLocalThreads();
                assertTrue(threads.stream().anyMatch(t -> !t.activeTasks().isEmpty()), "both instances own tasks: " + threads);
            }

            // metrics of a Streams stage: inputs counted across both instances, and the group's committed lag per
            // partition (records and seconds), sampled in the background
            // (at least: a task that moves during the start-up rebalance re-reads its uncommitted inputs)
            assertTrue(metrics.registry().get(StageMetrics.RECORDS_IN).counter().count()
                    + metrics2.registry().get(StageMetrics.RECORDS_IN).counter().count() >= 5 * (2 * PAIRS + 2));
            long lagDeadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (metrics.registry().find(ConsumerGroupLagMetrics.LAG_RECORDS).tag("group", QualityGateTopology.STAGE)
                    .tag("topic", Topics.FEATURES_EXTRACTED.name()).gauges().isEmpty() && System.nanoTime() < lagDeadline) {
                Thread.sleep(500);
            }
            var lagRecords = metrics.registry().find(ConsumerGroupLagMetrics.LAG_RECORDS).tag("group", QualityGateTopology.STAGE)
                    .tag("topic", Topics.FEATURES_EXTRACTED.name()).gauges();
            assertFalse(lagRecords.isEmpty(), "group lag of the Streams stage is exported");
            assertFalse(metrics.registry().find(ConsumerGroupLagMetrics.LAG_SECONDS).tag("group", QualityGateTopology.STAGE)
                    .gauges().isEmpty(), "lag in seconds too");
            assertFalse(metrics.registry().find("kafka.stream.alive.stream.threads").gauges().isEmpty(), "Kafka Streams metrics bound");

            for (StableFeatureSet set : sets) {
                assertEquals(1L, set.getVersion());
                assertEquals(PAIRS, set.getPairs());
                Map<String, double[]> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
                for (int f = 0; f < 2; f++) {
                    double[] xa = new double[PAIRS], xb = new double[PAIRS];
                    for (int i = 0; i < PAIRS; i++) {
                        xa[i] = QualityGateTopologyTest.values(i, set.getSequence(), Reader.A)[f];
                        xb[i] = QualityGateTopologyTest.values(i, set.getSequence(), Reader.B)[f];
                    }
                    a.put(QualityGateTopologyTest.NAMES.get(f), xa);
                    b.put(QualityGateTopologyTest.NAMES.get(f), xb);
                }
                // pairs come back from the store in key order; the ICC does not depend on the subjects' order
                var want = new ReproducibilityGate(ReproducibilityGate.Settings.DEFAULT).evaluate(a, b);
                for (int f = 0; f < 2; f++) {
                    assertEquals(want.get(QualityGateTopologyTest.NAMES.get(f)).icc().icc(), set.getFeatures().get(f).getIcc(), 1e-12);
                    assertEquals(want.get(QualityGateTopologyTest.NAMES.get(f)).kept(), set.getFeatures().get(f).getKept());
                }
                assertFalse(set.getFeatures().get(2).getKept());
            }
            for (CaseFeatures c : cases) {
                for (FeatureValues fv : c.getSequences()) {
                    assertEquals(List.of(QualityGateTopologyTest.NAMES.get(0)), fv.getNames());
                }
                assertEquals(5, c.getStableSetVersions().size());
            }
        }
    }

    static void send(KafkaProducer<String, SpecificRecord> p, int i, Sequence s, Reader r) throws Exception {
        String id = "case-" + i;
        p.send(new ProducerRecord<>(Topics.FEATURES_EXTRACTED.name(), id,
                QualityGateTopologyTest.vector(id, s, r, QualityGateTopologyTest.values(i, s, r)))).get();
    }

    static <T extends SpecificRecord> List<T> read(String topic, Class<T> type, int expected, Duration timeout) {
        Properties p = ClientProperties.consumer(RadstreamConfig.local(platform.bootstrapServers(), platform.registryUrl()),
                "it-" + UUID.randomUUID());
        List<T> out = new ArrayList<>();
        try (KafkaConsumer<String, T> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ConfluentAvroDeserializer<>(registry, type, RecordPart.VALUE))) {
            c.subscribe(List.of(topic));
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end && out.size() < expected) {
                for (ConsumerRecord<String, T> r : c.poll(Duration.ofMillis(500))) {
                    out.add(r.value());
                }
            }
            for (ConsumerRecord<String, T> r : c.poll(Duration.ofSeconds(2))) {
                out.add(r.value());
            }
        }
        return out;
    }
}
