package org.radstream.modeling.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.radstream.modeling.Fixtures.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radstream.modeling.Fixtures;

/**
 * A whole analysis checked by R, as the acceptance test does: src/test/r/study_check.R recomputes from the
 * input CSVs (fixtures/study, written by SyntheticStudy.write(dir, 5)) and our reported split, λ, candidates,
 * coefficients and standardisation: ICC(2,1) per feature (psych), every rad-score from raw features, AUC +
 * DeLong CI per model and cohort (pROC), glmnet at the reported λ on the reported candidates, the glm refits,
 * the clinical multivariate glm on the training split and the nomogram (glm + rms::nomogram points).
 * Tolerances: the (1e-6; glmnet 1e-4; nomogram points 0.5), scores 1e-9.
 */
class StudyAnalysisAgainstRTest {
    private static final String CALL = "Rscript libs/modeling/src/test/r/study_check.R OUT/analysis.json  "
            + "(OUT from radstream analyze on fixtures/study/*.csv --seed 7)";
    private static JsonNode ours;
    private static JsonNode r;

    @BeforeAll
    static void run() throws URISyntaxException {
        Path dir = Path.of(StudyAnalysisAgainstRTest.class.getResource("/fixtures/study/outcomes.csv").toURI()).getParent();
        StudyAnalysis.Inputs in = new StudyAnalysis.Inputs(FeatureTable.read(dir.resolve("features_a.csv")),
                FeatureTable.read(dir.resolve("features_b.csv")), ClinicalTable.read(dir.resolve("clinical.csv")),
                OutcomeTable.read(dir.resolve("outcomes.csv")));
        ours = StudyAnalysis.run(in, StudySettings.DEFAULT.withSeed(7)).analysis();
        r = Fixtures.load("study_check.json");
    }

    @Test
    void iccPerFeatureMatchesPsych() {
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> s = r.get("icc").fields(); s.hasNext();) {
            Map.Entry<String, JsonNode> seq = s.next();
            for (Iterator<Map.Entry<String, JsonNode>> f = seq.getValue().fields(); f.hasNext();) {
                Map.Entry<String, JsonNode> e = f.next();
                JsonNode o = ours.get("icc").get(seq.getKey()).get(e.getKey());
                for (String k : new String[] {"icc", "ci_low", "ci_high"}) {
                    close(CALL, seq.getKey() + " " + e.getKey() + " " + k, e.getValue().get(k).asDouble(), o.get(k).asDouble(), 1e-6);
                }
                n++;
            }
        }
        assertTrue(n > 100, "ICC features checked: " + n);
    }

    @Test
    void radScoresAucGlmnetAndGlmMatchR() {
        for (Iterator<Map.Entry<String, JsonNode>> it = r.get("models").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String m = e.getKey();
            JsonNode rm = e.getValue(), om = ours.get("models").get(m);
            rm.get("scores").fields().forEachRemaining(s ->
                    close(CALL, m + " rad-score of " + s.getKey(), s.getValue().asDouble(), om.get("scores").get(s.getKey()).asDouble(), 1e-9));
            auc(m, rm.get("auc"), om.get("auc"));
            JsonNode lasso = om.get("steps").get("lasso").get("coefficients");
            rm.get("glmnet").fields().forEachRemaining(c -> close(CALL, m + " glmnet at lambda " + om.get("lambda") + ": " + c.getKey(),
                    c.getValue().asDouble(), lasso.has(c.getKey()) ? lasso.get(c.getKey()).asDouble() : 0.0, 1e-4));
            if (rm.has("glm")) {
                rm.get("glm").fields().forEachRemaining(c -> close(CALL, m + " glm refit " + c.getKey(), c.getValue().asDouble(),
                        om.get("coefficients").get(c.getKey()).asDouble(), 1e-6));
            }
        }
        assertEquals(7, r.get("models").size());
    }

    @Test
    void clinicalAndNomogramMatchR() {
        r.get("clinical").get("multivariate").fields().forEachRemaining(v -> {
            for (String k : new String[] {"or", "ci_low", "ci_high", "p"}) {
                close(CALL, "clinical multivariate " + v.getKey() + " " + k, v.getValue().get(k).asDouble(),
                        ours.get("clinical").get("multivariate").get(v.getKey()).get(k).asDouble(), 1e-6);
            }
        });
        auc("clinical", r.get("clinical").get("auc"), ours.get("models").get("clinical").get("auc"));
        JsonNode rn = r.get("nomogram"), on = ours.get("nomogram");
        rn.get("coefficients").fields().forEachRemaining(c -> close(CALL, "nomogram " + c.getKey(), c.getValue().asDouble(),
                on.get("coefficients").get(c.getKey()).asDouble(), 1e-6));
        auc("nomogram", rn.get("auc"), ours.get("models").get("nomogram").get("auc"));
        rn.get("probability").fields().forEachRemaining(p -> close(CALL, "nomogram probability " + p.getKey(), p.getValue().asDouble(),
                on.get("cases").get(p.getKey()).get("probability").asDouble(), 1e-9));
        JsonNode axes = on.get("points").get("axes");
        points("alb", rn.get("alb_x"), rn.get("alb_points"), axes.get(0));
        points("radscore", rn.get("radscore_x"), rn.get("radscore_points"), axes.get(2));
        for (int k = 0; k < 2; k++) {
            int level = rn.get("tumor_x").get(k).asText().equals("multiple") ? 1 : 0;
            close(CALL, "nomogram tumour points " + level, rn.get("tumor_points").get(k).asDouble(),
                    axes.get(1).get("points").get(level).asDouble(), 0.5);
        }
    }

    private static void points(String what, JsonNode x, JsonNode pts, JsonNode axis) {
        assertEquals(x.size(), axis.get("values").size(), what + " axis length");
        for (int k = 0; k < x.size(); k++) {
            close(CALL, what + " axis value " + k, x.get(k).asDouble(), axis.get("values").get(k).asDouble(), 1e-12);
            close(CALL, what + " points at " + x.get(k).asDouble(), pts.get(k).asDouble(), axis.get("points").get(k).asDouble(), 0.5);
        }
    }

    private static void auc(String m, JsonNode ra, JsonNode oa) {
        for (String c : new String[] {"train", "validation"}) {
            for (String k : new String[] {"value", "ci_low", "ci_high"}) {
                close(CALL, m + " AUC " + c + " " + k, ra.get(c).get(k).asDouble(), oa.get(c).get(k).asDouble(), 1e-6);
            }
        }
    }
}
