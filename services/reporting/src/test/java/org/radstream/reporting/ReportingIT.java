package org.radstream.reporting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.DeadLetter;
import org.radstream.events.ReportKind;
import org.radstream.events.ReportReady;
import org.radstream.events.RiskScore;
import org.radstream.streaming.blob.FileSystemBlobStore;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.embedded.EmbeddedPlatform;
import org.radstream.streaming.metrics.MetricsHttpHandler;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.serde.ConfluentAvroDeserializer;
import org.radstream.streaming.serde.ConfluentAvroSerializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.stage.StageDefinition;
import org.radstream.streaming.topics.Topics;

/**
 * The reporting stage on the embedded KRaft broker with the real (Apicurio) registry, two instances of one group
 * started as {@code radstream run reporting} and the demo start it ({@link ReportingMain#DEFINITION}): RiskScores
 * arrive before their model, which is then published with its analysis folder in the blob store; one RiskScore
 * names a version never published. Only one instance owns the models partition, so the other reports its cases
 * with the model from its own catalogue. Every other case gets its HTML report file and one ReportReady, the model
 * its report with the analysis's figures, the stray score goes to the DLQ as MODEL_VERSION_UNKNOWN, the group's
 * committed offsets reach the end of both inputs, and /metrics counts it all.
 */
class ReportingIT {
    @TempDir
    static Path dir;
    static EmbeddedPlatform platform;
    static SchemaRegistryClient registry;
    static RadstreamConfig config;

    @BeforeAll
    static void start() {
        platform = EmbeddedPlatform.start(dir.resolve("platform"));
        registry = new SchemaRegistryClient(RegistrySettings.of(platform.registryUrl()));
        config = RadstreamConfig.local(platform.bootstrapServers(), platform.registryUrl());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void caseAndModelReportsWrittenAndAnnouncedAndAnUnknownVersionDeadLettered() throws Exception {
        TrainedModel tm = TrainedModel.get();
        Path blobs = dir.resolve("blobs");
        FileSystemBlobStore store = new FileSystemBlobStore(blobs);
        tm.writeAnalysis(blobs.resolve("training/nomogram/v1/analysis"));
        String analysisUri = store.folderUri("training/nomogram/v1/analysis").toString();
        List<String> ids = tm.caseIds(12);
        // the group splits the 6 score partitions 3/3 between the instances: cases must land on both halves
        int partitions = Topics.RISK_SCORES.partitions();
        java.util.Set<Boolean> halves = ids.stream().filter(id -> !id.equals(ids.get(2))).map(id -> Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8)))
                % partitions < partitions / 2).collect(Collectors.toSet());
        assertEquals(2, halves.size(), "test cases on both halves of the score partitions");

        StageDefinition stage = ReportingMain.DEFINITION;
        try (StageDefinition.Started started = stage.start(config, stage.defaults().withBlobDir(blobs).withHealthPort(0)
                .withOption("model.wait.ms", "3000"));
             StageDefinition.Started second = stage.start(config, stage.defaults().withBlobDir(blobs).withHealthPort(0)
                .withOption("model.wait.ms", "3000"));
             KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(ClientProperties.producer(config, "it"),
                     new StringSerializer(), new ConfluentAvroSerializer<>(registry, RecordPart.VALUE, SchemaRegistration.AUTO_REGISTER))) {
            awaitGroupMembers(2, Duration.ofSeconds(60));
            // scores first (they wait for their model), one naming a version that never comes, then the model
            for (int i = 0; i < ids.size(); i++) {
                RiskScore s = tm.score(ids.get(i), i == 2 ? 7 : 1);
                producer.send(new ProducerRecord<>(Topics.RISK_SCORES.name(), s.getCaseId(), s)).get();
            }
            producer.send(new ProducerRecord<>(Topics.MODELS.name(), TrainedModel.NAME, tm.model(1, analysisUri))).get();

            List<ReportReady> reports = read(Topics.REPORTS.name(), ReportReady.class, ids.size(), Duration.ofSeconds(90));
            List<DeadLetter> dead = read(Topics.DLQ.name(), DeadLetter.class, 1, Duration.ofSeconds(30));

            // the stray score: dead-lettered with the reason, by this stage, with its source coordinates
            assertEquals(1, dead.size(), dead.toString());
            DeadLetter d = dead.get(0);
            assertEquals(ids.get(2), d.getCaseId());
            assertEquals("reporting", d.getStage());
            assertEquals("MODEL_VERSION_UNKNOWN", d.getReasonCode());
            assertEquals(Topics.RISK_SCORES.name(), d.getSourceTopic());
            assertTrue(d.getMessage().contains("nomogram v7"), d.getMessage());

            // one ReportReady per other case and one for the model; every URI a file
            Map<String, List<ReportReady>> byKey = reports.stream().collect(Collectors.groupingBy(ReportReady::getCaseId, TreeMap::new,
                    Collectors.toList()));
            List<String> expectedKeys = new ArrayList<>(ids);
            expectedKeys.remove(2);
            expectedKeys.add(TrainedModel.NAME);
            assertEquals(expectedKeys.stream().sorted().toList(), List.copyOf(byKey.keySet()));
            assertTrue(byKey.values().stream().allMatch(l -> l.size() == 1), "one ReportReady each: " + byKey);
            for (ReportReady r : reports) {
                assertEquals(1, r.getModelVersion());
                for (String u : r.getUris()) {
                    assertTrue(Files.isRegularFile(Path.of(URI.create(u))), u);
                }
            }
            ReportReady model = byKey.get(TrainedModel.NAME).get(0);
            assertEquals(ReportKind.MODEL, model.getKind());
            assertEquals(blobs.resolve("reports/models/nomogram/v1/index.html").toUri().toString(), model.getUris().get(0));
            assertTrue(model.getUris().size() > 20, "figures copied beside: " + model.getUris().size());
            for (String id : expectedKeys.subList(0, expectedKeys.size() - 1)) {
                ReportReady r = byKey.get(id).get(0);
                assertEquals(ReportKind.CASE, r.getKind());
                Path file = blobs.resolve("reports/cases/" + id + "/nomogram-v1.html");
                assertEquals(List.of(file.toUri().toString()), r.getUris());
                String html = Files.readString(file, StandardCharsets.UTF_8);
                assertTrue(html.contains(id) && html.contains("not a medical device"), id);
            }
            assertTrue(Files.notExists(blobs.resolve("reports/cases/" + ids.get(2))), "nothing written for the stray score");

            // every input committed: the group's offsets are at the end of both topics
            awaitCommittedToEnd(List.of(Topics.RISK_SCORES.name(), Topics.MODELS.name()), Duration.ofSeconds(30));

            // a re-delivered score rewrites the same file and announces it again
            Path again = blobs.resolve("reports/cases/" + ids.get(0) + "/nomogram-v1.html");
            byte[] before = Files.readAllBytes(again);
            producer.send(new ProducerRecord<>(Topics.RISK_SCORES.name(), ids.get(0), tm.score(ids.get(0), 1))).get();
            List<ReportReady> after = read(Topics.REPORTS.name(), ReportReady.class, ids.size() + 1, Duration.ofSeconds(60));
            assertEquals(ids.size() + 1, after.size());
            assertArrayEquals(before, Files.readAllBytes(again));

            // the stage's endpoints: ready, and Prometheus text with reports out and dead letters by reason
            HttpClient http = HttpClient.newHttpClient();
            double out = 0, dlq = 0;
            List<Double> perInstance = new ArrayList<>();
            for (StageDefinition.Started s : List.of(started, second)) {
                String base = "http://127.0.0.1:" + s.healthPort();
                assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
                String text = http.send(HttpRequest.newBuilder(URI.create(base + MetricsHttpHandler.PATH)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                double o = value(text, "radstream_stage_records_out_total", "reporting");
                perInstance.add(o);
                out += o;
                dlq += value(text, "radstream_dlq_records_total", "MODEL_VERSION_UNKNOWN");
                assertTrue(text.contains("radstream_stage_processing_seconds_bucket"), text);
                assertTrue(text.contains("kafka_consumer_fetch_manager_records_lag_max") && text.contains("kafka_producer_"),
                        "client metrics of the group consumer and the producer: " + text);
            }
            assertEquals(ids.size() + 1, out, "reports of both instances: every case but the stray, the model, the re-delivery");
            assertEquals(1, dlq);
            // the instance without the models partition reported cases with its own catalogue's model
            // (the range assignor gives each instance 3 of the 6 score partitions, each half holds reported cases)
            assertTrue(perInstance.get(0) >= 1 && perInstance.get(1) >= 1, "both instances reported: " + perInstance);
        }
    }

    /** The sample of a counter in Prometheus text whose labels mention {@code label}; 0 when absent. */
    static double value(String text, String metric, String label) {
        return text.lines().filter(l -> l.startsWith(metric) && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static void awaitGroupMembers(int n, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(config.toKafkaProperties())) {
            long end = System.nanoTime() + timeout.toNanos();
            int members = 0;
            while (System.nanoTime() < end) {
                members = admin.describeConsumerGroups(List.of(ReportingMain.STAGE)).all().get().get(ReportingMain.STAGE).members().size();
                if (members == n) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new AssertionError(members + " members in group " + ReportingMain.STAGE + ", expected " + n);
        }
    }

    static void awaitCommittedToEnd(List<String> topics, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(config.toKafkaProperties())) {
            long end = System.nanoTime() + timeout.toNanos();
            Map<TopicPartition, Long> lag;
            do {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(ReportingMain.STAGE)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> req = new java.util.HashMap<>();
                for (String t : topics) {
                    admin.describeTopics(List.of(t)).allTopicNames().get().get(t).partitions()
                            .forEach(p -> req.put(new TopicPartition(t, p.partition()), OffsetSpec.latest()));
                }
                lag = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
                for (var e : admin.listOffsets(req).all().get().entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    long l = e.getValue().offset() - (c == null ? 0 : c.offset());
                    if (l != 0) {
                        lag.put(e.getKey(), l);
                    }
                }
                if (lag.isEmpty()) {
                    return;
                }
                Thread.sleep(200);
            } while (System.nanoTime() < end);
            throw new AssertionError("uncommitted records left: " + lag);
        }
    }

    /** Everything committed on {@code topic} (read_committed), waiting until {@code expected} arrive or the timeout. */
    static <T extends SpecificRecord> List<T> read(String topic, Class<T> type, int expected, Duration timeout) {
        Properties p = ClientProperties.consumer(config, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
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
            // a little longer: duplicates would show up here
            for (ConsumerRecord<String, T> r : c.poll(Duration.ofSeconds(2))) {
                out.add(r.value());
            }
        }
        return out;
    }
}
