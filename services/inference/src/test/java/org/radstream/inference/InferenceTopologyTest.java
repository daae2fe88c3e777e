package org.radstream.inference;

import org.radstream.streaming.serde.PlainAvroEventSerdes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.CaseFeatures;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.DeadLetter;
import org.radstream.events.FeatureValues;
import org.radstream.events.ModelPublished;
import org.radstream.events.PredictorPoints;
import org.radstream.events.RiskBand;
import org.radstream.events.RiskScore;
import org.radstream.modeling.artifact.ModelScorer;
import org.radstream.modeling.study.ClinicalTable;
import org.radstream.modeling.study.FeatureTable;
import org.radstream.modeling.study.OutcomeTable;
import org.radstream.modeling.study.Sequence;
import org.radstream.modeling.study.StudyAnalysis;
import org.radstream.modeling.study.StudySettings;
import org.radstream.modeling.study.SyntheticStudy;
import org.radstream.streaming.topics.Topics;

/**
 * The inference topology on TopologyTestDriver with a model trained by the modeling library on its seeded
 * synthetic study: every RiskScore equals scoring the case directly from the artifact with
 * {@link ModelScorer} (and the nomogram probability the analysis itself computed for the case), cases that
 * arrive before the model are scored when it arrives, and bad clinical records go to the DLQ with their reason.
 */
class InferenceTopologyTest {
    static final String HASH = "settings-1";
    static JsonNode analysis;
    static String artifactJson;
    static FeatureTable features;
    static ClinicalTable clinicalTable;

    @TempDir
    Path stateDir;
    TopologyTestDriver driver;
    TestInputTopic<String, CaseFeatures> casesIn;
    TestInputTopic<String, ClinicalRecord> clinicalIn;
    TestInputTopic<String, ModelPublished> modelsIn;
    TestOutputTopic<String, RiskScore> scores;
    TestOutputTopic<String, DeadLetter> dlq;

    @BeforeAll
    static void train(@TempDir Path dir) throws Exception {
        SyntheticStudy.Files4 f = SyntheticStudy.write(dir, 11);
        features = FeatureTable.read(f.featuresA());
        clinicalTable = ClinicalTable.read(f.clinical());
        StudyAnalysis.Result r = StudyAnalysis.run(new StudyAnalysis.Inputs(features, FeatureTable.read(f.featuresB()),
                clinicalTable, OutcomeTable.read(f.outcomes())), StudySettings.DEFAULT);
        analysis = r.analysis();
        artifactJson = new ObjectMapper().writeValueAsString(r.artifact());
    }

    @BeforeEach
    void setUp() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "inference-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        InferenceSettings s = InferenceSettings.DEFAULT.withClinicalWait(Duration.ofMinutes(1));
        driver = new TopologyTestDriver(InferenceTopology.buildTopology(s, new PlainAvroEventSerdes()), p, Instant.parse("2026-11-27T10:00:00Z"));
        var str = Serdes.String();
        casesIn = driver.createInputTopic(Topics.FEATURES_CASE.name(), str.serializer(), PlainAvroEventSerdes.of(CaseFeatures.class).serializer());
        clinicalIn = driver.createInputTopic(Topics.CLINICAL.name(), str.serializer(), PlainAvroEventSerdes.of(ClinicalRecord.class).serializer());
        modelsIn = driver.createInputTopic(Topics.MODELS.name(), str.serializer(), PlainAvroEventSerdes.of(ModelPublished.class).serializer());
        scores = driver.createOutputTopic(Topics.RISK_SCORES.name(), str.deserializer(), PlainAvroEventSerdes.of(RiskScore.class).deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), str.deserializer(), PlainAvroEventSerdes.of(DeadLetter.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    static ModelPublished model(int version) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifactJson.getBytes(StandardCharsets.UTF_8)));
        return ModelPublished.newBuilder().setModelName("nomogram").setVersion(version).setArtifactJson(artifactJson)
                .setArtifactSha256(sha).setTrainingDataFingerprint("fp").setFeatureSettingsHash(HASH).setTrainingCases(63)
                .setValidationCases(27).setMetrics(Map.of()).setCreatedAt(Instant.EPOCH).build();
    }

    /** All reader-A features of the case (the model picks its own). */
    static CaseFeatures caseFeatures(String id) {
        List<FeatureValues> seqs = new ArrayList<>();
        for (Sequence s : Sequence.values()) {
            FeatureTable.SequenceFeatures sf = features.sequences().get(s);
            List<Double> v = new ArrayList<>();
            for (double d : sf.cases().get(id)) {
                v.add(d);
            }
            seqs.add(new FeatureValues(org.radstream.events.Sequence.valueOf(s.name()), sf.names(), v, HASH));
        }
        return CaseFeatures.newBuilder().setCaseId(id).setSequences(seqs).setStableSetVersions(Map.of())
                .setAssembledAt(Instant.parse("2026-11-27T09:59:30Z")).build();
    }

    static ClinicalRecord clinical(String id, Double alb, Integer tumors) {
        return ClinicalRecord.newBuilder().setCaseId(id).setAlbGPerL(alb).setTumorNumber(tumors).setRecordedAt(Instant.EPOCH).build();
    }

    static ClinicalRecord clinical(String id) {
        return clinical(id, clinicalTable.value(id, "alb"), clinicalTable.value(id, "tumor_multiple") == 1 ? 2 : 1);
    }

    List<String> ids(int n) {
        return new ArrayList<>(clinicalTable.cases().keySet()).subList(0, n);
    }

    void assertScoredAsTheLibraryDoes(RiskScore r) {
        String id = r.getCaseId();
        Map<String, Double> raw = new LinkedHashMap<>();
        for (Sequence s : Sequence.values()) {
            FeatureTable.SequenceFeatures sf = features.sequences().get(s);
            for (int k = 0; k < sf.names().size(); k++) {
                raw.put(s.prefixed(sf.names().get(k)), sf.cases().get(id)[k]);
            }
        }
        ModelScorer.Score want = new ModelScorer(artifactJson).score(raw, clinicalTable.value(id, "alb"), clinicalTable.value(id, "tumor_multiple"));
        assertEquals(want.radScores().get("mpMRI"), r.getRadScore(), 0.0, id);
        assertEquals(want.totalPoints(), r.getTotalPoints(), 0.0, id);
        assertEquals(want.probability(), r.getProbability(), 0.0, id);
        assertEquals("high".equals(want.riskBand()) ? RiskBand.HIGH : RiskBand.LOW, r.getRiskBand());
        Map<String, String> axis = Map.of("ALB", "alb", "tumor_number", "tumor_multiple", "rad_score", "radscore_mpMRI");
        assertEquals(3, r.getPoints().size());
        for (PredictorPoints p : r.getPoints()) {
            assertEquals(want.points().get(axis.get(p.getPredictor())), p.getPoints(), 0.0, id + " " + p.getPredictor());
        }
        assertEquals(clinicalTable.value(id, "alb"), r.getPoints().get(0).getValue(), 0.0);
        assertEquals(clinicalTable.value(id, "tumor_multiple"), r.getPoints().get(1).getValue(), 0.0);
        assertEquals(nomogramRadScore(raw), r.getPoints().get(2).getValue(), 1e-9, "rad_score value recovered from its points " + id);
        // the analysis's own nomogram numbers for this case (training-time computation)
        JsonNode nc = analysis.get("nomogram").get("cases").get(id);
        assertEquals(nc.get("probability").asDouble(), r.getProbability(), 0.0, "analysis probability " + id);
        assertEquals(nc.get("total").asDouble(), r.getTotalPoints(), 0.0, "analysis total " + id);
        assertEquals("nomogram", r.getModelName());
        assertEquals(Instant.parse("2026-11-27T09:59:30Z"), r.getStageTimes().get("quality-gate"));
    }

    /** The nomogram's rad-score input straight from the artifact JSON: intercept + Σ β (x − mean)/sd. */
    static double nomogramRadScore(Map<String, Double> raw) {
        try {
            JsonNode a = new ObjectMapper().readTree(artifactJson);
            double[] sum = {0};
            a.get("nomogram").get("radscore_coefficients").fields().forEachRemaining(e -> {
                if (e.getKey().equals("(Intercept)")) {
                    sum[0] += e.getValue().asDouble();
                } else {
                    JsonNode st = a.get("standardization").get(e.getKey());
                    sum[0] += e.getValue().asDouble() * (raw.get(e.getKey()) - st.get("mean").asDouble()) / st.get("sd").asDouble();
                }
            });
            return sum[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void riskScoreEqualsDirectScoringFromTheArtifact() throws Exception {
        modelsIn.pipeInput("nomogram", model(1));
        for (String id : ids(12)) {
            clinicalIn.pipeInput(id, clinical(id));
            casesIn.pipeInput(id, caseFeatures(id));
        }
        List<RiskScore> got = scores.readValuesToList();
        assertEquals(12, got.size());
        got.forEach(this::assertScoredAsTheLibraryDoes);
        assertTrue(got.stream().allMatch(r -> r.getModelVersion() == 1));
        assertTrue(dlq.isEmpty());
    }

    @Test
    void casesWaitingForAModelAreScoredWhenItArrives() throws Exception {
        for (String id : ids(5)) {
            clinicalIn.pipeInput(id, clinical(id));
            casesIn.pipeInput(id, caseFeatures(id));
        }
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertTrue(scores.isEmpty(), "no model yet");
        assertTrue(dlq.isEmpty(), "waiting is not failing");
        modelsIn.pipeInput("nomogram", model(3));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        List<RiskScore> got = scores.readValuesToList();
        assertEquals(ids(5).stream().sorted().toList(), got.stream().map(RiskScore::getCaseId).sorted().toList());
        got.forEach(this::assertScoredAsTheLibraryDoes);
        assertTrue(got.stream().allMatch(r -> r.getModelVersion() == 3));
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertTrue(scores.isEmpty(), "each waiting case is scored once");
    }

    @Test
    void badClinicalRecordsGoToTheDlqWithTheirReasonWhileOthersFlow() throws Exception {
        modelsIn.pipeInput("nomogram", model(1));
        List<String> ids = ids(6);
        clinicalIn.pipeInput(ids.get(0), clinical(ids.get(0), null, 1));
        clinicalIn.pipeInput(ids.get(1), clinical(ids.get(1), 3.8, 1));
        clinicalIn.pipeInput(ids.get(2), clinical(ids.get(2), 41.0, null));
        clinicalIn.pipeInput(ids.get(3), clinical(ids.get(3)));
        // ids[4]: no clinical record at all; ids[5]: fine
        clinicalIn.pipeInput(ids.get(5), clinical(ids.get(5)));
        for (String id : ids) {
            casesIn.pipeInput(id, caseFeatures(id));
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        dlq.readKeyValuesToList().forEach(kv -> reasons.put(kv.key, kv.value.getReasonCode()));
        assertEquals(Map.of(ids.get(0), "ALB_MISSING", ids.get(1), "ALB_OUT_OF_RANGE", ids.get(2), "INVALID_FIELD"), reasons);
        List<String> scored = scores.readValuesToList().stream().map(RiskScore::getCaseId).toList();
        assertEquals(List.of(ids.get(3), ids.get(5)), scored);
        // the case without a clinical record waits, then is dead-lettered after the configured wait (1 min)
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        var late = dlq.readKeyValuesToList();
        assertEquals(1, late.size());
        assertEquals(ids.get(4), late.get(0).key);
        assertEquals("MISSING_CLINICAL", late.get(0).value.getReasonCode());
        assertEquals("inference", late.get(0).value.getStage());
    }
}
