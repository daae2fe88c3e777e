package org.radstream.streaming.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.streaming.embedded.EmbeddedKafkaBroker;

/**
 * Lag on a real broker, against values set up by hand: records with explicit timestamps, committed offsets
 * set with the Admin API, and a fixed clock, so lag in records and in time are known exactly.
 */
class LagSamplerIT {

    private static final String TOPIC = "it.lag";
    /** Timestamp of record i on partition 0 is T0 + i s; on partition 1, T0 + 100 s + i s. */
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock NOW = Clock.fixed(T0.plusSeconds(600), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static EmbeddedKafkaBroker broker;
    static Admin admin;

    @BeforeAll
    static void setUp() throws Exception {
        broker = EmbeddedKafkaBroker.start(dir);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var p = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                p.send(new ProducerRecord<>(TOPIC, 0, T0.plusSeconds(i).toEpochMilli(), "case-" + i, "v")).get();
            }
            for (int i = 0; i < 4; i++) {
                p.send(new ProducerRecord<>(TOPIC, 1, T0.plusSeconds(100 + i).toEpochMilli(), "case-x" + i, "v")).get();
            }
        }
    }

    @AfterAll
    static void tearDown() {
        admin.close();
        broker.close();
    }

    private LagSampler sampler() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return new LagSampler(admin, p, NOW, 15_000);
    }

    private static void commit(String group, long p0, long p1) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(p0),
                new TopicPartition(TOPIC, 1), new OffsetAndMetadata(p1))).all().get(30, TimeUnit.SECONDS);
    }

    @Test
    void exactLagInRecordsAndTimeAndStoppedWithoutMembers() throws Exception {
        commit("it-lag-stopped", 3, 4);
        try (LagSampler s = sampler()) {
            List<GroupSample> samples = s.sample(Optional.of("it-lag-stopped"));
            assertEquals(1, samples.size());
            GroupSample g = samples.get(0);
            assertEquals(0, g.members());
            assertEquals(NOW.instant(), g.sampledAt());
            PartitionLag p0 = g.partitions().get(0);
            assertEquals(new PartitionLag(TOPIC, 0, 3L, 10L, 7L, 597_000L), p0,
                    "lag 10-3 records; oldest unconsumed is record 3, written at T0+3 s, read at T0+600 s");
            PartitionLag p1 = g.partitions().get(1);
            assertEquals(new PartitionLag(TOPIC, 1, 4L, 4L, 0L, 0L), p1, "caught up: no lag in time");
            assertEquals(7, g.totalLag());
            assertEquals(597_000L, g.maxLagMillis());
            assertEquals(LagStatus.STOPPED, LagEvaluator.evaluate(samples).status());
        }
    }

    @Test
    void allGroupsAreListedWhenNoneIsNamed() throws Exception {
        commit("it-lag-a", 1, 1);
        commit("it-lag-b", 9, 2);
        try (LagSampler s = sampler()) {
            List<GroupSample> all = s.sample(Optional.empty());
            List<String> ids = all.stream().map(GroupSample::groupId).toList();
            assertTrue(ids.containsAll(List.of("it-lag-a", "it-lag-b")), ids.toString());
            GroupSample b = all.stream().filter(x -> x.groupId().equals("it-lag-b")).findFirst().orElseThrow();
            assertEquals(1 + 2, b.totalLag());
            assertEquals(Duration.ofSeconds(600 - 9).toMillis(), b.partitions().get(0).lagMillis());
            assertEquals(Duration.ofSeconds(600 - 102).toMillis(), b.partitions().get(1).lagMillis());
        }
    }

    @Test
    void activeMemberThatNeverCommitsIsErr() throws Exception {
        String group = "it-lag-err";
        commit(group, 5, 1);
        AtomicBoolean run = new AtomicBoolean(true);
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Thread member = new Thread(() -> {
            try (var c = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
                c.subscribe(List.of(TOPIC));
                while (run.get()) {
                    c.poll(Duration.ofMillis(100)); // reads, never commits
                }
            }
        });
        member.start();
        try (LagSampler s = sampler()) {
            List<GroupSample> window = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (window.size() < 3 && System.nanoTime() < deadline) {
                GroupSample g = s.sample(Optional.of(group)).get(0);
                if (g.members() > 0) {
                    window.add(g);
                }
                Thread.sleep(300);
            }
            assertEquals(3, window.size(), "member never joined");
            GroupEvaluation e = LagEvaluator.evaluate(window);
            assertEquals(LagStatus.ERR, e.status(), e.reason());
            assertEquals("committed offset stuck at 5 with lag 5 over 3 samples (it.lag-0)", e.reason());
        } finally {
            run.set(false);
            member.join(30_000);
        }
    }

    @Test
    void aTransactionMarkerAfterTheCommittedOffsetIsNoLag() throws Exception {
        String topic = "it.lag.eos";
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        pp.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-lag-tx");
        try (var p = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
            p.initTransactions();
            p.beginTransaction();
            for (int i = 0; i < 3; i++) {
                p.send(new ProducerRecord<>(topic, 0, T0.plusSeconds(i).toEpochMilli(), "c" + i, "v"));
            }
            p.commitTransaction(); // records at offsets 0..2, commit marker at 3, end offset 4
        }
        TopicPartition tp = new TopicPartition(topic, 0);
        admin.alterConsumerGroupOffsets("it-lag-eos-done", Map.of(tp, new OffsetAndMetadata(3))).all().get(30, TimeUnit.SECONDS);
        admin.alterConsumerGroupOffsets("it-lag-eos-behind", Map.of(tp, new OffsetAndMetadata(2))).all().get(30, TimeUnit.SECONDS);
        try (LagSampler s = sampler()) {
            PartitionLag done = s.sample(Optional.of("it-lag-eos-done")).get(0).partitions().get(0);
            assertEquals(new PartitionLag(topic, 0, 3L, 4L, 0L, 0L), done, "everything consumed; only the marker is left");
            PartitionLag behind = s.sample(Optional.of("it-lag-eos-behind")).get(0).partitions().get(0);
            assertEquals(2L, behind.lag(), "record 2 and the marker (markers between records are counted)");
            assertEquals(Duration.ofSeconds(600 - 2).toMillis(), behind.lagMillis());
        }
    }

    @Test
    void unknownGroupIsAClearError() {
        try (LagSampler s = sampler()) {
            var e = assertThrows(LagSampler.LagException.class, () -> s.sample(Optional.of("no-such-group")));
            assertEquals("consumer group 'no-such-group' does not exist", e.getMessage());
        }
    }

    @Test
    void reportJsonAndText() throws Exception {
        commit("it-lag-report", 8, 0);
        try (LagSampler s = sampler()) {
            LagWindow w = new LagWindow(5);
            w.add(s.sample(Optional.of("it-lag-report")));
            LagReport r = LagReport.of(w, NOW.instant());
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.toJson());
            var g = json.get("groups").get(0);
            assertEquals("it-lag-report", g.get("group").asText());
            assertEquals("STOPPED", g.get("status").asText());
            assertEquals(2 + 4, g.get("totalLag").asLong());
            assertEquals(600_000 - 100_000, g.get("partitions").get(1).get("lagMillis").asLong());
            assertTrue(r.toText().contains("group it-lag-report  STOPPED  members=0"), r.toText());
        }
    }
}
