package org.radstream.inference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radstream.events.CaseFeatures;
import org.radstream.events.FeatureValues;
import org.radstream.events.PredictorPoints;
import org.radstream.events.RiskBand;
import org.radstream.events.RiskScore;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.artifact.ModelScorer;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;

/**
 * Scores one case with a model (DESIGN §1 steps 7 and 9): the gated reader-A features of the five sequences
 * become the artifact's {@code SEQUENCE_feature} inputs and {@link ModelScorer} computes rad-scores, nomogram
 * points, total points and probability; this class only maps events to and from the library.
 *
 * <p>Predictor names on the event: {@code ALB} (g/L), {@code tumor_number} (0 single, 1 multiple),
 * {@code rad_score}; the artifact's axes are {@code alb}, {@code tumor_multiple}, {@code radscore_mpMRI}.
 * The risk band is HIGH when the probability reaches the nomogram's threshold stored in the artifact, else
 * LOW (the artifact defines one threshold, so INTERMEDIATE is not used).
 */
public final class CaseScoring {
    /** The radiomics model whose rad-score the event carries. */
    static final String RAD_SCORE_MODEL = "mpMRI";
    static final Map<String, String> PREDICTOR_NAMES = Map.of("alb", "ALB", "tumor_multiple", "tumor_number",
            "radscore_mpMRI", "rad_score");

    private CaseScoring() {
    }

    /** The scorer's inputs: feature values keyed {@code SEQUENCE_feature}. */
    public static Map<String, Double> features(CaseFeatures c) {
        Map<String, Double> m = new HashMap<>();
        for (FeatureValues fv : c.getSequences()) {
            for (int i = 0; i < fv.getNames().size(); i++) {
                m.put(fv.getSequence().name() + "_" + fv.getNames().get(i), fv.getValues().get(i));
            }
        }
        return m;
    }

    /**
     * @throws RejectedRecordException PROCESSING_ERROR when the case was extracted with other settings than
     *         the model expects, FEATURE_NOT_COMPUTABLE when a feature the model needs is missing (e.g. not in
     *         the case's stable set) or not finite
     */
    public static RiskScore score(CaseFeatures c, ClinicalPredictors p, LoadedModel model, long scoredAtMs) {
        if (model.settingsHash() != null && !model.settingsHash().isBlank()) {
            for (FeatureValues fv : c.getSequences()) {
                if (!model.settingsHash().equals(fv.getSettingsHash())) {
                    throw new RejectedRecordException(ReasonCode.PROCESSING_ERROR, "features of " + fv.getSequence()
                            + " were extracted with settings " + fv.getSettingsHash() + " but model " + model.name()
                            + " v" + model.version() + " expects " + model.settingsHash());
                }
            }
        }
        ModelScorer.Score s;
        try {
            s = model.scorer().score(features(c), p.albGPerL(), p.tumorMultiple());
        } catch (ModelingException e) {
            throw new RejectedRecordException(ReasonCode.FEATURE_NOT_COMPUTABLE,
                    "model " + model.name() + " v" + model.version() + ": " + e.getMessage(), e);
        }
        List<PredictorPoints> points = new ArrayList<>();
        s.points().forEach((axis, pts) -> {
            double value = switch (axis) {
                case "alb" -> p.albGPerL();
                case "tumor_multiple" -> p.tumorMultiple();
                default -> model.valueFromPoints(axis, pts);
            };
            points.add(new PredictorPoints(PREDICTOR_NAMES.getOrDefault(axis, axis), value, pts));
        });
        Map<String, Instant> stageTimes = new LinkedHashMap<>();
        stageTimes.put("quality-gate", c.getAssembledAt());
        stageTimes.put("inference", Instant.ofEpochMilli(scoredAtMs));
        return RiskScore.newBuilder()
                .setCaseId(c.getCaseId())
                .setModelName(model.name())
                .setModelVersion(model.version())
                .setRadScore(s.radScores().get(RAD_SCORE_MODEL))
                .setPoints(points)
                .setTotalPoints(s.totalPoints())
                .setProbability(s.probability())
                .setRiskBand("high".equals(s.riskBand()) ? RiskBand.HIGH : RiskBand.LOW)
                .setStageTimes(stageTimes)
                .setScoredAt(Instant.ofEpochMilli(scoredAtMs))
                .build();
    }
}
