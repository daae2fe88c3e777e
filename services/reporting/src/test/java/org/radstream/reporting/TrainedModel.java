package org.radstream.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radstream.events.ModelPublished;
import org.radstream.events.PredictorPoints;
import org.radstream.events.RiskBand;
import org.radstream.events.RiskScore;
import org.radstream.modeling.artifact.ModelScorer;
import org.radstream.modeling.report.AnalysisWriter;
import org.radstream.modeling.study.ClinicalTable;
import org.radstream.modeling.study.FeatureTable;
import org.radstream.modeling.study.OutcomeTable;
import org.radstream.modeling.study.StudyAnalysis;
import org.radstream.modeling.study.StudySettings;
import org.radstream.modeling.study.SyntheticStudy;

/**
 * A real model for the tests: the modeling library's analysis of its seeded synthetic study (seed 11), its
 * artifact as a ModelPublished, and RiskScores made as the inference stage makes them (ModelScorer on the case's
 * features, ALB and tumour number; rad-score value recovered from its points).
 */
final class TrainedModel {
    static final String NAME = "nomogram";
    static final Instant TRAINED = Instant.parse("2026-11-27T08:15:00Z");
    private static TrainedModel instance;

    final StudyAnalysis.Result result;
    final String artifactJson;
    final JsonNode artifact;
    final FeatureTable features;
    final ClinicalTable clinical;
    final ModelScorer scorer;

    private TrainedModel(Path dir) {
        SyntheticStudy.Files4 f = SyntheticStudy.write(dir, 11);
        features = FeatureTable.read(f.featuresA());
        clinical = ClinicalTable.read(f.clinical());
        result = StudyAnalysis.run(new StudyAnalysis.Inputs(features, FeatureTable.read(f.featuresB()), clinical,
                OutcomeTable.read(f.outcomes())), StudySettings.DEFAULT);
        try {
            artifactJson = new ObjectMapper().writeValueAsString(result.artifact());
            artifact = new ObjectMapper().readTree(artifactJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scorer = new ModelScorer(artifactJson);
    }

    static synchronized TrainedModel get() {
        if (instance == null) {
            try {
                instance = new TrainedModel(Files.createTempDirectory("reporting-study"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private Path analysis;

    /** The analysis directory as the training stage leaves it (AnalysisWriter), copied to {@code dir}. */
    synchronized void writeAnalysis(Path dir) throws IOException {
        if (analysis == null) {
            analysis = Files.createTempDirectory("reporting-analysis");
            AnalysisWriter.write(result, analysis); // once: drawing the PNGs takes seconds
        }
        try (var files = Files.walk(analysis)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(analysis.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    ModelPublished model(int version, String analysisUri) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("auc_validation", artifact.get("metrics").get("nomogram").get("auc_validation").asDouble());
        metrics.put("auc_train", artifact.get("metrics").get("nomogram").get("auc_train").asDouble());
        return ModelPublished.newBuilder().setModelName(NAME).setVersion(version).setArtifactJson(artifactJson)
                .setArtifactSha256(PublishedModel.sha256(artifactJson)).setTrainingDataFingerprint("fp-synthetic-11")
                .setFeatureSettingsHash("settings-hash").setTrainingCases(63).setValidationCases(27).setMetrics(metrics)
                .setCreatedAt(TRAINED).setAnalysisUri(analysisUri).build();
    }

    List<String> caseIds(int n) {
        return new ArrayList<>(features.sequences().values().iterator().next().cases().keySet()).subList(0, n);
    }

    /** The case scored from the artifact, as inference's CaseScoring emits it. */
    RiskScore score(String id, int version) {
        Map<String, Double> raw = new HashMap<>();
        features.sequences().forEach((s, sf) -> {
            double[] v = sf.cases().get(id);
            for (int k = 0; k < v.length; k++) {
                raw.put(s.name() + "_" + sf.names().get(k), v[k]);
            }
        });
        double alb = clinical.value(id, "alb"), mult = clinical.value(id, "tumor_multiple");
        ModelScorer.Score s = scorer.score(raw, alb, mult);
        JsonNode nom = artifact.get("nomogram");
        JsonNode rsAxis = nom.get("axes").get(2);
        double rsPoints = s.points().get("radscore_mpMRI");
        double rsValue = (rsPoints / nom.get("scale_points_per_logit").asDouble() + rsAxis.get("min_contribution").asDouble())
                / rsAxis.get("coefficient").asDouble();
        List<PredictorPoints> points = List.of(new PredictorPoints("ALB", alb, s.points().get("alb")),
                new PredictorPoints("tumor_number", mult, s.points().get("tumor_multiple")),
                new PredictorPoints("rad_score", rsValue, rsPoints));
        Map<String, Instant> times = new LinkedHashMap<>();
        times.put("quality-gate", Instant.parse("2026-11-27T09:59:30Z"));
        times.put("inference", Instant.parse("2026-11-27T10:00:00Z"));
        return RiskScore.newBuilder().setCaseId(id).setModelName(NAME).setModelVersion(version)
                .setRadScore(s.radScores().get("mpMRI")).setPoints(points).setTotalPoints(s.totalPoints())
                .setProbability(s.probability()).setRiskBand("high".equals(s.riskBand()) ? RiskBand.HIGH : RiskBand.LOW)
                .setStageTimes(times).setScoredAt(Instant.parse("2026-11-27T10:00:00Z")).build();
    }
}
