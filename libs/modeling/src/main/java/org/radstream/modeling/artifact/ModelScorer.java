package org.radstream.modeling.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.nomogram.Nomogram;
import org.radstream.modeling.regression.LinearPredictor;
import org.radstream.modeling.selection.RadScore;

/**
 * Scores a case from the model artifact (model.json) alone: standardise each raw feature with the stored
 * training mean/sd, rad-score = intercept + Σ β z (same summation order as training), nomogram points from
 * ALB, tumour number and the mpMRI rad-score, total points → probability. The arithmetic is the training
 * code's, on the same doubles, so the results are bit-identical to the training-time values.
 */
public final class ModelScorer {
    /** Artifact layout this scorer reads. */
    public static final int FORMAT_VERSION = 1;

    /** A scored case. */
    public record Score(Map<String, Double> radScores, Map<String, Double> points, double totalPoints,
                        double probability, String riskBand) {
    }

    private final JsonNode artifact;
    private final Map<String, double[]> standardization = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> radModels = new LinkedHashMap<>();
    private final Nomogram nomogram;
    private final Map<String, Double> nomogramRadScore = new LinkedHashMap<>();
    private final double nomogramThreshold;

    public ModelScorer(String json) {
        try {
            this.artifact = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelingException("model artifact is not valid JSON: " + e.getOriginalMessage(), e);
        }
        int v = artifact.path("artifact_format_version").asInt(-1);
        if (v != FORMAT_VERSION) {
            throw new ModelingException("model artifact format version " + v + " is not supported (expected " + FORMAT_VERSION + ")");
        }
        artifact.get("standardization").fields().forEachRemaining(e ->
                standardization.put(e.getKey(), new double[] {e.getValue().get("mean").asDouble(), e.getValue().get("sd").asDouble()}));
        artifact.get("models").fields().forEachRemaining(e -> {
            if (e.getKey().equals("clinical") || e.getKey().equals("nomogram")) {
                return;
            }
            Map<String, Double> c = new LinkedHashMap<>();
            e.getValue().get("coefficients").fields().forEachRemaining(k -> c.put(k.getKey(), k.getValue().asDouble()));
            radModels.put(e.getKey(), c);
        });
        JsonNode n = artifact.get("nomogram");
        List<Nomogram.Axis> axes = new ArrayList<>();
        for (JsonNode ax : n.get("axes")) {
            double[] vals = new double[ax.get("values").size()];
            for (int i = 0; i < vals.length; i++) {
                vals[i] = ax.get("values").get(i).asDouble();
            }
            axes.add(new Nomogram.Axis(ax.get("name").asText(), ax.get("coefficient").asDouble(), ax.get("binary").asBoolean(),
                    vals, ax.get("min_contribution").asDouble()));
        }
        nomogram = new Nomogram(n.get("intercept").asDouble(), axes);
        n.get("radscore_coefficients").fields().forEachRemaining(k -> nomogramRadScore.put(k.getKey(), k.getValue().asDouble()));
        nomogramThreshold = LinearPredictor.logistic(artifact.get("thresholds").get("nomogram").asDouble());
    }

    public String trainingDataFingerprint() {
        return artifact.get("training_data_fingerprint").asText();
    }

    /**
     * @param features  raw feature values keyed SEQUENCE_feature (e.g. "AP_original_firstorder_Mean")
     * @param alb       serum albumin, g/L
     * @param tumorMultiple 1 for multiple tumours, 0 for single
     */
    public Score score(Map<String, Double> features, double alb, double tumorMultiple) {
        Map<String, Double> z = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : standardization.entrySet()) {
            Double x = features.get(e.getKey());
            if (x == null || !Double.isFinite(x)) {
                throw new ModelingException("feature " + e.getKey() + " is missing or not finite; the model needs it");
            }
            z.put(e.getKey(), (x - e.getValue()[0]) / e.getValue()[1]);
        }
        if (!Double.isFinite(alb) || !(tumorMultiple == 0 || tumorMultiple == 1)) {
            throw new ModelingException("ALB must be a number and tumour number 0 (single) or 1 (multiple); got " + alb + ", " + tumorMultiple);
        }
        Map<String, Double> rad = new LinkedHashMap<>();
        radModels.forEach((m, c) -> rad.put(m, RadScore.of(c, z)));
        // the nomogram's own rad-score coefficients (the mpMRI model's, or its LASSO coefficients, see analysis notes)
        Nomogram.CasePoints cp = nomogram.score(new double[] {alb, tumorMultiple, RadScore.of(nomogramRadScore, z)});
        return new Score(rad, cp.points(), cp.total(), cp.probability(), cp.probability() >= nomogramThreshold ? "high" : "low");
    }
}
