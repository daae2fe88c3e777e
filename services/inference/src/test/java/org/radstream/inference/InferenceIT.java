package org.radstream.inference;

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
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
import org.radstream.events.DeadLetter;
import org.radstream.events.RiskScore;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.embedded.EmbeddedPlatform;
import org.radstream.streaming.metrics.MetricsHttpHandler;
import org.radstream.streaming.metrics.PrometheusTextParser;
import org.radstream.streaming.stage.StageSettings;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.runtime.ServiceRunner;
import org.radstream.streaming.serde.ConfluentAvroDeserializer;
import org.radstream.streaming.serde.ConfluentAvroSerializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.topics.Topics;

/**
 * The inference service on the embedded KRaft broker with the real (Apicurio) registry and exactly_once_v2:
 * cases and clinical records arrive before any model, a bad ALB goes to the DLQ at once, the others are scored
 * when the model is published, each exactly as the modeling library scores it from the artifact, read back
 * with read_committed consumers in the Confluent wire format; the service is then stopped mid-stream and a
 * new instance resumes: every case ends with exactly one risk score.
 */
class InferenceIT {
    @TempDir
    static Path dir;
    static EmbeddedPlatform platform;
    static SchemaRegistryClient registry;

    @BeforeAll
    static void start() throws Exception {
        platform = EmbeddedPlatform.start(dir.resolve("platform"));
        registry = new SchemaRegistryClient(RegistrySettings.of(platform.registryUrl()));
        InferenceTopologyTest.train(dir.resolve("study"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void waitingCasesScoredOnModelArrivalBadAlbToDlqAndNoLossOrDuplicateAcrossARestart() throws Exception {
        RadstreamConfig config = RadstreamConfig.local(platform.bootstrapServers(), platform.registryUrl());
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, ClientProperties.streams(config, "x", dir)
                .get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG), "the service runs with exactly_once_v2");
        DeadLetterCounts counts = new DeadLetterCounts();
        List<String> more = new InferenceTopologyTest().ids(20).subList(8, 20);
        StageSettings settings = InferenceMain.DEFINITION.defaults().withOption("state.dir", dir.resolve("state").toString())
                .withHealthHost("127.0.0.1").withHealthPort(0);
        try (StageMetrics metrics = new StageMetrics(InferenceTopology.STAGE, counts);
             ServiceRunner.Running running = ServiceRunner.start(InferenceMain.DEFINITION.factory().create(config,
                     settings, metrics, counts), settings.runner(), Map.of(MetricsHttpHandler.PATH, new MetricsHttpHandler(metrics)));
             KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(ClientProperties.producer(config, "it"),
                     new StringSerializer(), new ConfluentAvroSerializer<>(registry, RecordPart.VALUE, SchemaRegistration.AUTO_REGISTER))) {
            List<String> ids = new InferenceTopologyTest().ids(8);
            producer.send(new ProducerRecord<>(Topics.CLINICAL.name(), ids.get(0),
                    InferenceTopologyTest.clinical(ids.get(0), 80.0, 1))).get();
            for (String id : ids.subList(1, ids.size())) {
                producer.send(new ProducerRecord<>(Topics.CLINICAL.name(), id, InferenceTopologyTest.clinical(id))).get();
            }
            for (String id : ids) {
                producer.send(new ProducerRecord<>(Topics.FEATURES_CASE.name(), id, InferenceTopologyTest.caseFeatures(id))).get();
            }
            List<DeadLetter> dead = read(Topics.DLQ.name(), DeadLetter.class, 1, Duration.ofSeconds(90));
            assertEquals(1, dead.size());
            assertEquals(ids.get(0), dead.get(0).getCaseId());
            assertEquals("ALB_OUT_OF_RANGE", dead.get(0).getReasonCode());
            assertEquals(1, counts.get(InferenceTopology.STAGE, ReasonCode.ALB_OUT_OF_RANGE));
            assertTrue(read(Topics.RISK_SCORES.name(), RiskScore.class, 1, Duration.ofSeconds(3)).isEmpty(), "no model yet");

            producer.send(new ProducerRecord<>(Topics.MODELS.name(), "nomogram", InferenceTopologyTest.model(1))).get();
            List<RiskScore> scores = read(Topics.RISK_SCORES.name(), RiskScore.class, ids.size() - 1, Duration.ofSeconds(60));
            Map<String, RiskScore> byCase = new LinkedHashMap<>();
            scores.forEach(s -> byCase.put(s.getCaseId(), s));
            assertEquals(ids.size() - 1, scores.size(), "each waiting case scored once: " + byCase.keySet());
            assertEquals(ids.subList(1, ids.size()).stream().sorted().toList(), byCase.keySet().stream().sorted().toList());
            InferenceTopologyTest check = new InferenceTopologyTest();
            scores.forEach(check::assertScoredAsTheLibraryDoes);

            // the stage's Prometheus endpoint, parsed by the reference parser (prometheus_client): cases in, scores
            // out, processing-time histogram, dead letters by reason, the model in use, the group's lag in records
            // and seconds per partition (sampled every 10 s), Kafka Streams client metrics and the JVM
            assertPrometheusEndpoint(running.healthPort(), ids.size());

            // more cases while the service runs, then it stops mid-stream ...
            for (String id : more.subList(0, 6)) {
                producer.send(new ProducerRecord<>(Topics.CLINICAL.name(), id, InferenceTopologyTest.clinical(id)));
                producer.send(new ProducerRecord<>(Topics.FEATURES_CASE.name(), id, InferenceTopologyTest.caseFeatures(id)));
            }
            producer.flush();
        }
        // ... and a new instance resumes from the same state directory and the committed offsets
        try (StageMetrics metrics = new StageMetrics(InferenceTopology.STAGE, counts);
             ServiceRunner.Running running = ServiceRunner.start(InferenceMain.DEFINITION.factory().create(config,
                     settings, metrics, counts), settings.runner());
             KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(ClientProperties.producer(config, "it"),
                     new StringSerializer(), new ConfluentAvroSerializer<>(registry, RecordPart.VALUE, SchemaRegistration.AUTO_REGISTER))) {
            for (String id : more.subList(6, more.size())) {
                producer.send(new ProducerRecord<>(Topics.CLINICAL.name(), id, InferenceTopologyTest.clinical(id)));
                producer.send(new ProducerRecord<>(Topics.FEATURES_CASE.name(), id, InferenceTopologyTest.caseFeatures(id)));
            }
            producer.flush();
            int expected = 7 + more.size();
            List<RiskScore> all = read(Topics.RISK_SCORES.name(), RiskScore.class, expected, Duration.ofSeconds(90));
            Map<String, Long> perCase = new java.util.TreeMap<>();
            all.forEach(r -> perCase.merge(r.getCaseId(), 1L, Long::sum));
            assertEquals(expected, perCase.size(), "every case scored across the restart: " + perCase.keySet());
            assertTrue(perCase.values().stream().allMatch(n -> n == 1), "no duplicate risk score: " + perCase);
        }
    }

    static void assertPrometheusEndpoint(int port, int cases) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PrometheusTextParser.available(), "python3 prometheus_client not installed");
        List<String> parsed = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        do {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + MetricsHttpHandler.PATH)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals(MetricsHttpHandler.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElse(""));
            parsed = PrometheusTextParser.parse(r.body());
            if (parsed.stream().anyMatch(l -> l.startsWith("radstream_consumer_group_lag_records{group=inference,")
                    && l.contains("topic=" + Topics.FEATURES_CASE.name()))) {
                break;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        List<String> p = parsed;
        String all = String.join("\n", p);
        assertTrue(p.contains("# family radstream_stage_records_in counter"), all);
        assertTrue(p.contains("radstream_stage_records_in_total{stage=inference} " + (double) cases), all);
        assertTrue(p.contains("radstream_stage_records_out_total{stage=inference} " + (double) (cases - 1)), all);
        assertTrue(p.contains("# family radstream_stage_processing_seconds histogram"), all);
        assertTrue(p.contains("radstream_stage_processing_seconds_count{stage=inference} " + (double) cases), all);
        assertTrue(p.stream().anyMatch(l -> l.startsWith("radstream_stage_processing_seconds_bucket{le=+Inf,stage=inference} ")), all);
        assertTrue(p.contains("radstream_dlq_records_total{reason=ALB_OUT_OF_RANGE,stage=inference} 1.0"), all);
        assertTrue(p.contains("# family radstream_model_version gauge"), all);
        assertTrue(p.contains("radstream_model_version{model=nomogram,stage=inference} 1.0"), all);
        // every case was processed and committed: lag 0 on each partition of the input, in records and seconds
        List<String> lag = p.stream().filter(l -> l.startsWith("radstream_consumer_group_lag_records{group=inference,")
                && l.contains("topic=" + Topics.FEATURES_CASE.name())).toList();
        assertFalse(lag.isEmpty(), all);
        assertTrue(lag.stream().allMatch(l -> l.endsWith(" 0.0")), all);
        assertTrue(p.stream().anyMatch(l -> l.startsWith("radstream_consumer_group_lag_seconds{group=inference,")
                && l.contains("topic=" + Topics.FEATURES_CASE.name())), all);
        assertTrue(p.stream().anyMatch(l -> l.startsWith("kafka_stream_alive_stream_threads{")), all);
        assertTrue(p.stream().anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{")), all);
        assertTrue(p.stream().anyMatch(l -> l.startsWith("jvm_memory_used_bytes{")), all);
        assertTrue(p.stream().anyMatch(l -> l.startsWith("jvm_threads_live_threads{")), all);
        assertTrue(p.stream().anyMatch(l -> l.startsWith("jvm_gc_")), all);
    }

    /** Everything committed on {@code topic} (read_committed), waiting until {@code expected} arrive or the timeout. */
    static <T extends SpecificRecord> List<T> read(String topic, Class<T> type, int expected, Duration timeout) {
        Properties p = ClientProperties.consumer(RadstreamConfig.local(platform.bootstrapServers(), platform.registryUrl()),
                "it-" + UUID.randomUUID());
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
