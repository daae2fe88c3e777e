package org.radstream.modeling.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radstream.modeling.nomogram.Nomogram;
import org.radstream.modeling.regression.LogisticFit;
import org.radstream.modeling.selection.RadScoreModel;
import org.radstream.modeling.selection.Standardization;

/**
 * Builds the self-contained model artifact (model.json, format version 1): everything
 * {@link org.radstream.modeling.artifact.ModelScorer} needs to score a new case — features per sequence,
 * their training mean/sd, every model's coefficients in summation order, the nomogram axes, thresholds,
 * headline metrics, the training-data fingerprint and the feature-extractor settings hash.
 */
final class ModelArtifactWriter {
    static final int FORMAT_VERSION = 1;

    private ModelArtifactWriter() {
    }

    static ObjectNode build(StudySettings settings, Map<Sequence, List<String>> candidates, Standardization std,
                            Map<String, RadScoreModel> radModels, Map<String, Double> nomogramRadScore, ObjectNode models,
                            Nomogram nom, LogisticFit clinFit,
                            List<String> clinicalVariables, String fingerprint, String settingsHash, int nTrain, int nValid,
                            ObjectNode analysisModels) {
        ObjectNode a = new ObjectMapper().createObjectNode();
        a.put("artifact_format_version", FORMAT_VERSION);
        a.put("model_name", "radstream-early-recurrence");
        a.put("created_by", "radstream analyze");
        a.put("seed", settings.seed());
        a.put("training_data_fingerprint", fingerprint);
        if (settingsHash == null) {
            a.putNull("feature_settings_hash");
        } else {
            a.put("feature_settings_hash", settingsHash);
        }
        a.put("training_cases", nTrain);
        a.put("validation_cases", nValid);
        // features per sequence: those any rad-score uses
        Set<String> used = new LinkedHashSet<>();
        radModels.values().forEach(m -> used.addAll(m.features()));
        nomogramRadScore.keySet().stream().filter(k -> !k.equals(RadScoreModel.INTERCEPT)).forEach(used::add);
        ObjectNode feats = a.putObject("features");
        for (Sequence s : Sequence.values()) {
            ArrayNode arr = feats.putArray(s.name());
            for (String f : candidates.get(s)) {
                if (used.contains(s.prefixed(f))) {
                    arr.add(f);
                }
            }
        }
        ObjectNode st = a.putObject("standardization");
        for (String f : used.stream().sorted().toList()) {
            Standardization.Stat s = std.stats().get(f);
            st.putObject(f).put("mean", s.mean()).put("sd", s.sd());
        }
        a.set("models", models);
        ArrayNode cv = a.putArray("clinical_variables");
        clinicalVariables.forEach(cv::add);
        ObjectNode n = a.putObject("nomogram");
        ArrayNode preds = n.putArray("predictors");
        StudyAnalysis.NOMOGRAM_PREDICTORS.forEach(preds::add);
        n.put("intercept", nom.intercept());
        ObjectNode rc = n.putObject("radscore_coefficients");
        nomogramRadScore.forEach(rc::put);
        ArrayNode axes = n.putArray("axes");
        for (Nomogram.Axis ax : nom.axes()) {
            ObjectNode o = axes.addObject();
            o.put("name", ax.name()).put("coefficient", ax.coefficient()).put("binary", ax.binary())
                    .put("min_contribution", ax.minContribution());
            ArrayNode v = o.putArray("values");
            for (double d : ax.values()) {
                v.add(d);
            }
        }
        n.put("scale_points_per_logit", nom.scale());
        ObjectNode thr = a.putObject("thresholds");
        ObjectNode met = a.putObject("metrics");
        analysisModels.fields().forEachRemaining(e -> {
            ObjectNode m = (ObjectNode) e.getValue();
            thr.put(e.getKey(), m.get("threshold").asDouble());
            ObjectNode mm = met.putObject(e.getKey());
            mm.put("auc_train", m.get("auc").get("train").get("value").asDouble());
            mm.put("auc_validation", m.get("auc").get("validation").get("value").asDouble());
            mm.put("auc_validation_ci_low", m.get("auc").get("validation").get("ci_low").asDouble());
            mm.put("auc_validation_ci_high", m.get("auc").get("validation").get("ci_high").asDouble());
            mm.put("accuracy_validation", m.get("accuracy").get("validation").asDouble());
            mm.put("sensitivity_validation", m.get("sensitivity").get("validation").asDouble());
            mm.put("specificity_validation", m.get("specificity").get("validation").asDouble());
        });
        return a;
    }
}
