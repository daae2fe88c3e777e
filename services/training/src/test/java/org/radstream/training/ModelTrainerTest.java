package org.radstream.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.ModelPublished;
import org.radstream.modeling.artifact.ModelScorer;
import org.radstream.modeling.study.FeatureTable;
import org.radstream.modeling.study.Sequence;
import org.radstream.modeling.study.StudySettings;
import org.radstream.streaming.blob.FileSystemBlobStore;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;

class ModelTrainerTest {
    static final Instant NOW = Instant.parse("2026-11-27T12:30:00Z");
    static SyntheticCohort cohort;
    static TrainingData data;
    static ModelTrainer.Trained trained;
    static FileSystemBlobStore blobs;

    @BeforeAll
    static void train(@TempDir Path dir) throws Exception {
        cohort = SyntheticCohort.write(dir.resolve("study"), 11);
        data = cohort.store(cohort.ids()).snapshot();
        blobs = new FileSystemBlobStore(dir.resolve("blobs"));
        trained = new ModelTrainer(TrainingSettings.DEFAULT, blobs, Clock.fixed(NOW, ZoneOffset.UTC)).train(data, 3);
    }

    @Test
    void theEventCarriesTheArtifactItsHashTheDataFingerprintAndTheMetrics() throws Exception {
        ModelPublished m = trained.model();
        assertEquals("nomogram", m.getModelName());
        assertEquals(3, m.getVersion());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(m.getArtifactJson().getBytes(StandardCharsets.UTF_8))),
                m.getArtifactSha256());
        assertEquals(data.fingerprint(), m.getTrainingDataFingerprint());
        assertEquals(SyntheticCohort.HASH, m.getFeatureSettingsHash());
        assertEquals(63, m.getTrainingCases());
        assertEquals(27, m.getValidationCases());
        assertEquals(NOW, m.getCreatedAt());
        JsonNode models = trained.result().analysis().get("models");
        JsonNode nomValid = models.get("nomogram").get("auc").get("validation");
        assertEquals(nomValid.get("value").asDouble(), m.getMetrics().get("auc_validation"), 0.0);
        assertEquals(nomValid.get("ci_low").asDouble(), m.getMetrics().get("auc_validation_ci_low"), 0.0);
        assertEquals(models.get("nomogram").get("auc").get("train").get("value").asDouble(), m.getMetrics().get("auc_train"), 0.0);
        for (String name : List.of("T1WI", "T2WI", "AP", "PVP", "DP", "CE-MRI", "mpMRI", "clinical", "nomogram")) {
            JsonNode a = models.get(name).get("auc");
            assertEquals(a.get("validation").get("value").asDouble(), m.getMetrics().get(name + ".auc_validation"), 0.0, name);
            assertEquals(a.get("validation").get("ci_high").asDouble(), m.getMetrics().get(name + ".auc_validation_ci_high"), 0.0, name);
            assertEquals(a.get("train").get("value").asDouble(), m.getMetrics().get(name + ".auc_train"), 0.0, name);
        }
        assertEquals("radstream training stage", new ObjectMapper().readTree(m.getArtifactJson()).get("created_by").asText());
    }

    @Test
    void analysisOutputsAreInTheBlobStoreUnderTheModelVersion() throws Exception {
        URI uri = URI.create(trained.model().getAnalysisUri());
        assertEquals(blobs.folderUri("models/nomogram/v3"), uri);
        Path folder = blobs.localPath(uri);
        for (String f : List.of("analysis.json", "model.json", "tables/table1.csv", "tables/table3.md", "figures/nomogram.svg",
                "figures/roc_validation.png")) {
            assertTrue(Files.isRegularFile(folder.resolve(f)), f);
        }
        ObjectMapper om = new ObjectMapper();
        assertEquals(om.readTree(trained.model().getArtifactJson()), om.readTree(folder.resolve("model.json").toFile()));
        JsonNode run = om.readTree(folder.resolve("analysis.json").toFile()).get("training_run");
        assertEquals(3, run.get("version").asInt());
        assertEquals(data.fingerprint(), run.get("input_fingerprint").asText());
    }

    @Test
    void theArtifactScoresEveryCaseExactlyAsTheAnalysisDid() {
        ModelScorer scorer = new ModelScorer(trained.model().getArtifactJson());
        JsonNode cases = trained.result().analysis().get("nomogram").get("cases");
        for (String id : cohort.ids()) {
            Map<String, Double> raw = new LinkedHashMap<>();
            for (Sequence s : Sequence.values()) {
                FeatureTable.SequenceFeatures sf = cohort.features().sequences().get(s);
                for (int k = 0; k < sf.names().size(); k++) {
                    raw.put(s.prefixed(sf.names().get(k)), sf.cases().get(id)[k]);
                }
            }
            ModelScorer.Score sc = scorer.score(raw, cohort.clinical().value(id, "alb"), cohort.clinical().value(id, "tumor_multiple"));
            assertEquals(cases.get(id).get("probability").asDouble(), sc.probability(), 0.0, id);
            assertEquals(cases.get(id).get("total").asDouble(), sc.totalPoints(), 0.0, id);
        }
    }

    @Test
    void tooFewCasesOfAClassIsATrainingFailureSayingWhatIsNeeded() {
        assertEquals(14, ModelTrainer.minimumPerClass(StudySettings.DEFAULT), "round(0.7 n) >= 10 folds and a validation case");
        List<String> ids = cohort.ids();
        // 38 events (case-001..038) and 13 non-events
        TrainingData small = cohort.store(ids.subList(0, 51)).snapshot();
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> new ModelTrainer(TrainingSettings.DEFAULT, blobs, Clock.systemUTC()).train(small, 1));
        assertEquals(ReasonCode.TRAINING_FAILED, e.reasonCode());
        assertTrue(e.getMessage().contains("38 with early recurrence, 13 without") && e.getMessage().contains("at least 14"), e.getMessage());
        TrainingData oneClass = cohort.store(ids.subList(0, 38)).snapshot();
        e = assertThrows(RejectedRecordException.class,
                () -> new ModelTrainer(TrainingSettings.DEFAULT, blobs, Clock.systemUTC()).train(oneClass, 1));
        assertTrue(e.getMessage().contains("0 without"), e.getMessage());
    }
}
