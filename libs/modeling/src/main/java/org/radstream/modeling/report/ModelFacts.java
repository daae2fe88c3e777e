package org.radstream.modeling.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.artifact.ModelScorer;
import org.radstream.modeling.nomogram.Nomogram;
import org.radstream.modeling.regression.LinearPredictor;

/**
 * What a report says about a published model, read from its artifact (model.json, format
 * {@value ModelScorer#FORMAT_VERSION}): the nomogram's axes and scale, the high-risk threshold and the headline
 * metrics of every model in the artifact, plus the publication facts the artifact does not hold (name, version,
 * when training finished).
 *
 * @param name              model name as published (e.g. {@code nomogram})
 * @param version           published version
 * @param trainedAt         when training finished (UTC)
 * @param trainingCases     cases in the training cohort
 * @param validationCases   cases in the validation cohort
 * @param nomogram          the nomogram rebuilt from the artifact's axes (same arithmetic as scoring)
 * @param highRiskThreshold probability at or above which the nomogram calls a case high risk:
 *                          1/(1+e^{−t}) of the artifact's linear-predictor threshold t (Youden on training)
 * @param metrics           per model in artifact order (T1WI … mpMRI, clinical, nomogram)
 */
public record ModelFacts(String name, int version, Instant trainedAt, int trainingCases, int validationCases,
                         Nomogram nomogram, double highRiskThreshold, Map<String, Metrics> metrics) {

    /** The artifact's name of the model whose probability a case report shows. */
    public static final String NOMOGRAM = "nomogram";

    /**
     * Headline metrics of one model (AUC dimensionless; accuracy, sensitivity, specificity as proportions on the
     * validation cohort at the training threshold). NaN when the artifact does not record one.
     */
    public record Metrics(double aucTrain, double aucValidation, double aucValidationCiLow, double aucValidationCiHigh,
                          double accuracyValidation, double sensitivityValidation, double specificityValidation) {
    }

    public ModelFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trainedAt, "trainedAt");
        Objects.requireNonNull(nomogram, "nomogram");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * @throws ModelingException naming the model, version and the missing or malformed part of the artifact
     */
    public static ModelFacts fromArtifact(String name, int version, Instant trainedAt, String artifactJson) {
        String where = "model " + name + " v" + version + ": artifact";
        JsonNode a;
        try {
            a = new ObjectMapper().readTree(artifactJson);
        } catch (JsonProcessingException e) {
            throw new ModelingException(where + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        int format = a.path("artifact_format_version").asInt(-1);
        if (format != ModelScorer.FORMAT_VERSION) {
            throw new ModelingException(where + " format version " + format + " is not supported (expected "
                    + ModelScorer.FORMAT_VERSION + ")");
        }
        JsonNode n = required(a, "nomogram", where);
        List<Nomogram.Axis> axes = new ArrayList<>();
        for (JsonNode ax : required(n, "axes", where + " nomogram")) {
            JsonNode vs = required(ax, "values", where + " nomogram axis");
            double[] values = new double[vs.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = vs.get(i).asDouble();
            }
            axes.add(new Nomogram.Axis(required(ax, "name", where + " nomogram axis").asText(),
                    required(ax, "coefficient", where + " nomogram axis").asDouble(), ax.path("binary").asBoolean(false),
                    values, required(ax, "min_contribution", where + " nomogram axis").asDouble()));
        }
        Nomogram nom = new Nomogram(required(n, "intercept", where + " nomogram").asDouble(), axes);
        double threshold = LinearPredictor.logistic(required(required(a, "thresholds", where), NOMOGRAM, where + " thresholds").asDouble());
        Map<String, Metrics> metrics = new LinkedHashMap<>();
        a.path("metrics").fields().forEachRemaining(e -> {
            JsonNode m = e.getValue();
            metrics.put(e.getKey(), new Metrics(num(m, "auc_train"), num(m, "auc_validation"), num(m, "auc_validation_ci_low"),
                    num(m, "auc_validation_ci_high"), num(m, "accuracy_validation"), num(m, "sensitivity_validation"),
                    num(m, "specificity_validation")));
        });
        return new ModelFacts(name, version, trainedAt, a.path("training_cases").asInt(0), a.path("validation_cases").asInt(0),
                nom, threshold, metrics);
    }

    /** The nomogram's metrics, or null when the artifact records none. */
    public Metrics nomogramMetrics() {
        return metrics.get(NOMOGRAM);
    }

    private static JsonNode required(JsonNode parent, String field, String where) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            throw new ModelingException(where + " has no '" + field + "'");
        }
        return v;
    }

    private static double num(JsonNode m, String field) {
        JsonNode v = m.get(field);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }
}
