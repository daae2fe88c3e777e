package org.radstream.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.DeadLetter;
import org.radstream.events.ModelPublished;
import org.radstream.events.RiskScore;
import org.radstream.inference.InferenceMain;
import org.radstream.modeling.artifact.ModelScorer;
import org.radstream.modeling.study.FeatureTable;
import org.radstream.modeling.study.Sequence;
import org.radstream.modeling.study.StudyAnalysis;
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
import org.radstream.streaming.stage.StageSettings;
import org.radstream.streaming.topics.Topics;

/**
 * The training stage on the embedded KRaft broker with the real (Apicurio) registry, fed the synthetic study as
 * CaseFeatures + ClinicalRecord + Outcome events (min 20 labelled cases, quiet period 2 s):
 * <ol>
 *   <li>20 labelled cases (10 + 10) are too few for 10-fold CV: one TRAINING_FAILED dead letter, no model;</li>
 *   <li>60 more (and one case extracted with other settings, excluded): model v1 on 80 cases, whose artifact scores
 *       every case exactly as the modeling library's analysis of the same cases did, outputs in the blob store;</li>
 *   <li>a restart reads everything again and does not republish the unchanged data;</li>
 *   <li>10 more labelled cases: v2 on 90 cases, with another data fingerprint; the metrics endpoint shows it.</li>
 * </ol>
 * Between 2 and 4 the inference service runs: it scores the 80 waiting cases with v1 and a case arriving after v2
 * with v2, each exactly as {@link ModelScorer} scores the case from the published artifact.
 */
class TrainingIT {
    @TempDir
    static Path dir;
    static EmbeddedPlatform platform;
    static SchemaRegistryClient registry;
    static SyntheticCohort cohort;
    static RadstreamConfig config;

    @BeforeAll
    static void start() {
        platform = EmbeddedPlatform.start(dir.resolve("platform"));
        registry = new SchemaRegistryClient(RegistrySettings.of(platform.registryUrl()));
        config = RadstreamConfig.local(platform.bootstrapServers(), platform.registryUrl());
        cohort = SyntheticCohort.write(dir.resolve("study"), 11);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    StageSettings settings() {
        return TrainingMain.DEFINITION.defaults().withBlobDir(dir.resolve("blobs")).withHealthHost("127.0.0.1").withHealthPort(0)
                .withOption("min.labelled.cases", "20").withOption("quiet.period.s", "2");
    }

    @Test
    void failsOnTooFewThenPublishesV1NoRepublishOnRestartThenV2OnNewCases() throws Exception {
        List<String> ids = cohort.ids(); // case-001..038 have early recurrence
        List<String> first = new ArrayList<>(ids.subList(28, 48)); // 10 events + 10 non-events
        List<String> second = new ArrayList<>(), rest = new ArrayList<>();
        List<String> others = ids.stream().filter(id -> !first.contains(id)).toList();
        for (int i = 0; i < others.size(); i++) {
            (i % 7 == 3 ? rest : second).add(others.get(i));
        }
        List<String> batch1 = new ArrayList<>(first);
        batch1.addAll(second);
        assertEquals(80, batch1.size());
        assertEquals(10, rest.size());

        StageDefinition.Started inference = null;
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(ClientProperties.producer(config, "it"),
                new StringSerializer(), new ConfluentAvroSerializer<>(registry, RecordPart.VALUE, SchemaRegistration.AUTO_REGISTER))) {
            StageDefinition.Started training = TrainingMain.DEFINITION.start(config, settings());
            try {
                // 1. too few cases: a dead letter, no model
                send(producer, first);
                List<DeadLetter> dead = read(Topics.DLQ.name(), DeadLetter.class, 1, Duration.ofSeconds(120));
                assertEquals(1, dead.size(), dead.toString());
                assertEquals("TRAINING_FAILED", dead.get(0).getReasonCode());
                assertEquals("training", dead.get(0).getStage());
                assertTrue(dead.get(0).getMessage().contains("at least 14"), dead.get(0).getMessage());
                assertTrue(dead.get(0).getSourceUri().startsWith("urn:radstream:training-data:sha256:"));
                assertTrue(read(Topics.MODELS.name(), ModelPublished.class, 1, Duration.ofSeconds(1)).isEmpty());

                // 2. 60 more labelled cases and one extracted with other settings -> v1 on the 80
                send(producer, second);
                String odd = "case-odd";
                producer.send(new ProducerRecord<>(Topics.FEATURES_CASE.name(), odd, withId(cohort.caseFeatures(ids.get(0), "settings-2"), odd)));
                producer.send(new ProducerRecord<>(Topics.CLINICAL.name(), odd, cohort.clinicalRecord(ids.get(0))));
                producer.send(new ProducerRecord<>(Topics.OUTCOMES.name(), odd, cohort.outcome(ids.get(0)))).get();
                List<ModelPublished> models = read(Topics.MODELS.name(), ModelPublished.class, 1, Duration.ofSeconds(180));
                assertEquals(1, models.size());
                ModelPublished v1 = models.get(0);
                assertEquals("nomogram", v1.getModelName());
                assertEquals(1, v1.getVersion());
                assertEquals(80, v1.getTrainingCases() + v1.getValidationCases());
                assertEquals(SyntheticCohort.HASH, v1.getFeatureSettingsHash());
                TrainingData local = cohort.store(batch1).snapshot();
                assertEquals(local.fingerprint(), v1.getTrainingDataFingerprint(), "case-odd excluded, the 80 cases as sent");
                assertScoresLikeTheLibrary(v1, local);
                Path outputs = Path.of(URI.create(v1.getAnalysisUri()));
                assertTrue(outputs.startsWith(dir.resolve("blobs").toAbsolutePath()), outputs.toString());
                assertTrue(outputs.endsWith(Path.of("models", "nomogram", "v1")), outputs.toString());
                assertTrue(Files.isRegularFile(outputs.resolve("analysis.json")) && Files.isRegularFile(outputs.resolve("tables/table3.csv"))
                        && Files.isRegularFile(outputs.resolve("figures/nomogram.png")));
            } finally {
                training.close();
            }
            // inference scores the waiting cases with v1 as the modeling library scores them from the artifact
            inference = InferenceMain.DEFINITION.start(config, InferenceMain.DEFINITION.defaults().withHealthHost("127.0.0.1")
                    .withHealthPort(0).withOption("state.dir", dir.resolve("inference-state").toString()));
            ModelPublished v1 = read(Topics.MODELS.name(), ModelPublished.class, 1, Duration.ofSeconds(10)).get(0);
            assertScoredWith(v1, batch1);

            // 3. restart: everything is read again, the data is that of v1 -> nothing republished
            training = TrainingMain.DEFINITION.start(config, settings());
            try {
                TrainingService service = (TrainingService) training.running().service();
                long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (!"UP_TO_DATE".equals(service.health().details().get("lastDecision")) && System.nanoTime() < end) {
                    Thread.sleep(200);
                }
                assertEquals("UP_TO_DATE", service.health().details().get("lastDecision"), service.health().toString());
                assertEquals(1, service.health().details().get("modelVersion"));
                assertEquals(1, read(Topics.MODELS.name(), ModelPublished.class, 2, Duration.ofSeconds(3)).size(), "no republish");

                // 4. ten more labelled cases -> v2 on all 90
                send(producer, rest);
                List<ModelPublished> models = read(Topics.MODELS.name(), ModelPublished.class, 2, Duration.ofSeconds(180));
                assertEquals(2, models.size());
                ModelPublished v2 = models.get(1);
                assertEquals(2, v2.getVersion());
                assertEquals(90, v2.getTrainingCases() + v2.getValidationCases());
                assertNotEquals(models.get(0).getTrainingDataFingerprint(), v2.getTrainingDataFingerprint());
                assertEquals(cohort.store(ids).snapshot().fingerprint(), v2.getTrainingDataFingerprint());
                assertTrue(v2.getAnalysisUri().endsWith("/models/nomogram/v2/"), v2.getAnalysisUri());
                assertEquals(1, read(Topics.DLQ.name(), DeadLetter.class, 3, Duration.ofSeconds(2)).stream()
                        .filter(d -> d.getStage().equals("training")).count(), "no new training dead letter");
                // a case arriving now is scored by inference with v2
                String late = "case-late";
                producer.send(new ProducerRecord<>(Topics.CLINICAL.name(), late, withId(cohort.clinicalRecord(ids.get(5)), late)));
                producer.send(new ProducerRecord<>(Topics.FEATURES_CASE.name(), late, withId(cohort.caseFeatures(ids.get(5)), late))).get();
                assertScoredWith(v2, Map.of(late, ids.get(5)));

                String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + training.healthPort() + MetricsHttpHandler.PATH)).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(text.lines().anyMatch(l -> l.startsWith("radstream_model_version") && l.contains("model=\"nomogram\"")
                        && l.endsWith(" 2.0")), text);
                assertTrue(text.lines().anyMatch(l -> l.startsWith("radstream_stage_records_out_total") && l.contains("training")
                        && l.endsWith(" 1.0")), "this instance published v2 only: " + text);
                assertTrue(text.lines().anyMatch(l -> l.startsWith("radstream_training_cases") && l.contains("excluded")
                        && l.endsWith(" 1.0")), text);
            } finally {
                training.close();
            }
        } finally {
            if (inference != null) {
                inference.close();
            }
        }
    }

    /** Each case has one risk score, from {@code model}, equal to scoring the case with the artifact directly. */
    static void assertScoredWith(ModelPublished model, List<String> ids) {
        Map<String, String> same = new LinkedHashMap<>();
        ids.forEach(id -> same.put(id, id));
        assertScoredWith(model, same);
    }

    /** @param cases case id on the topics → the cohort case whose data it carries */
    static void assertScoredWith(ModelPublished model, Map<String, String> cases) {
        List<RiskScore> all = read(Topics.RISK_SCORES.name(), RiskScore.class, Integer.MAX_VALUE, Duration.ofSeconds(90),
                l -> l.stream().map(RiskScore::getCaseId).collect(java.util.stream.Collectors.toSet()).containsAll(cases.keySet()));
        ModelScorer scorer = new ModelScorer(model.getArtifactJson());
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String id = c.getKey(), src = c.getValue();
            List<RiskScore> mine = all.stream().filter(r -> r.getCaseId().equals(id)).toList();
            assertEquals(1, mine.size(), id + " scored once");
            RiskScore r = mine.get(0);
            assertEquals(model.getVersion(), r.getModelVersion(), id);
            ModelScorer.Score want = scorer.score(raw(src), cohort.clinical().value(src, "alb"), cohort.clinical().value(src, "tumor_multiple"));
            assertEquals(want.probability(), r.getProbability(), 0.0, id);
            assertEquals(want.totalPoints(), r.getTotalPoints(), 0.0, id);
            assertEquals(want.radScores().get("mpMRI"), r.getRadScore(), 0.0, id);
        }
    }

    /** The artifact scores every case exactly as the modeling library's analysis of the same cases did. */
    static void assertScoresLikeTheLibrary(ModelPublished m, TrainingData local) {
        StudyAnalysis.Result r = StudyAnalysis.run(local.inputs(), new TrainingSettings("nomogram", 20, Duration.ZERO, 7).study());
        JsonNode cases = r.analysis().get("nomogram").get("cases");
        ModelScorer scorer = new ModelScorer(m.getArtifactJson());
        for (String id : local.caseIds()) {
            ModelScorer.Score s = scorer.score(raw(id), cohort.clinical().value(id, "alb"), cohort.clinical().value(id, "tumor_multiple"));
            assertEquals(cases.get(id).get("probability").asDouble(), s.probability(), 0.0, id);
            assertEquals(cases.get(id).get("total").asDouble(), s.totalPoints(), 0.0, id);
        }
        assertEquals(r.artifact().get("models").toString(), readTree(m.getArtifactJson()).get("models").toString());
    }

    static JsonNode readTree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Double> raw(String id) {
        Map<String, Double> raw = new LinkedHashMap<>();
        for (Sequence s : Sequence.values()) {
            FeatureTable.SequenceFeatures sf = cohort.features().sequences().get(s);
            for (int k = 0; k < sf.names().size(); k++) {
                raw.put(s.prefixed(sf.names().get(k)), sf.cases().get(id)[k]);
            }
        }
        return raw;
    }

    static org.radstream.events.CaseFeatures withId(org.radstream.events.CaseFeatures c, String id) {
        c.setCaseId(id);
        return c;
    }

    static org.radstream.events.ClinicalRecord withId(org.radstream.events.ClinicalRecord c, String id) {
        c.setCaseId(id);
        return c;
    }

    static void send(KafkaProducer<String, SpecificRecord> p, List<String> ids) throws Exception {
        for (String id : ids) {
            p.send(new ProducerRecord<>(Topics.FEATURES_CASE.name(), id, cohort.caseFeatures(id)));
            p.send(new ProducerRecord<>(Topics.CLINICAL.name(), id, cohort.clinicalRecord(id)));
            p.send(new ProducerRecord<>(Topics.OUTCOMES.name(), id, cohort.outcome(id)));
        }
        p.flush();
    }

    /** Everything committed on {@code topic}, waiting until {@code expected} arrive or the timeout. */
    static <T extends SpecificRecord> List<T> read(String topic, Class<T> type, int expected, Duration timeout) {
        return read(topic, type, expected, timeout, l -> false);
    }

    /** As above, also stopping when {@code enough} holds for what was read. */
    static <T extends SpecificRecord> List<T> read(String topic, Class<T> type, int expected, Duration timeout,
            java.util.function.Predicate<List<T>> enough) {
        Properties p = ClientProperties.consumer(config, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<T> out = new ArrayList<>();
        try (KafkaConsumer<String, T> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ConfluentAvroDeserializer<>(registry, type, RecordPart.VALUE))) {
            c.subscribe(List.of(topic));
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end && out.size() < expected && !enough.test(out)) {
                for (ConsumerRecord<String, T> r : c.poll(Duration.ofMillis(500))) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }
}
