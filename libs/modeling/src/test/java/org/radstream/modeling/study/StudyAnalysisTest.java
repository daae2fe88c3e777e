package org.radstream.modeling.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.modeling.artifact.ModelScorer;

/** The whole study on a seeded synthetic data set with real signal. */
class StudyAnalysisTest {
    @TempDir
    Path dir;

    static StudyAnalysis.Inputs inputs(SyntheticStudy.Files4 f, boolean withB) {
        return new StudyAnalysis.Inputs(FeatureTable.read(f.featuresA()), withB ? FeatureTable.read(f.featuresB()) : null,
                ClinicalTable.read(f.clinical()), OutcomeTable.read(f.outcomes()));
    }

    void checkContent(StudyAnalysis.Result r) {
        JsonNode a = r.analysis();
        assertEquals(90, a.get("split").size());
        assertEquals(63, a.get("cohorts").get("train_cases").asInt());
        for (String m : new String[] {"T1WI", "T2WI", "AP", "PVP", "DP", "CE-MRI", "mpMRI", "clinical", "nomogram"}) {
            JsonNode mn = a.get("models").get(m);
            assertTrue(mn != null, m);
            for (String k : new String[] {"steps", "lambda", "coefficients", "scores", "auc", "threshold", "accuracy", "sensitivity", "specificity"}) {
                assertTrue(mn.has(k), m + " lacks " + k);
            }
            assertEquals(90, mn.get("scores").size(), m);
            double auc = mn.get("auc").get("train").get("value").asDouble();
            assertTrue(auc > 0.6, m + " training AUC " + auc + " on data with real signal");
            mn.get("coefficients").fields().forEachRemaining(e -> assertTrue(Double.isFinite(e.getValue().asDouble()), m + " " + e.getKey()));
        }
        // ICC gate: the 4 noisy features fail, reproducible ones pass
        JsonNode icc = a.get("icc").get("AP");
        assertFalse(icc.get("original_feature27").get("kept").asBoolean());
        assertTrue(icc.get("original_feature0").get("kept").asBoolean());
        // exclusions are recorded with reasons
        assertTrue(a.get("excluded_features").get("T2WI").get("original_feature14").asText().contains("NaN"));
        assertTrue(a.get("excluded_features").get("AP").get("original_feature12").asText().contains("constant"));
        assertFalse(a.get("icc").get("AP").has("original_feature12"), "no ICC for a constant feature");
        // combined models select from sequence-prefixed pooled features
        assertTrue(a.get("models").get("mpMRI").get("steps").get("rf_top").get(0).asText().matches("(T1WI|T2WI|AP|PVP|DP)_.*"));
        // nomogram: widest predictor spans 0-100, per-case points
        JsonNode axes = a.get("nomogram").get("points").get("axes");
        double widest = 0;
        for (JsonNode ax : axes) {
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (JsonNode p : ax.get("points")) {
                lo = Math.min(lo, p.asDouble());
                hi = Math.max(hi, p.asDouble());
            }
            assertEquals(0, lo, 1e-9);
            widest = Math.max(widest, hi);
        }
        assertEquals(100, widest, 1e-9);
        assertEquals(90, a.get("nomogram").get("cases").size());
        assertEquals(99, a.get("dca").get("validation").get("nomogram").size());
        assertEquals(3, r.tables().size());
    }

    @Test
    void withoutReaderBTheGateIsNotAppliedAndSaysSo() {
        SyntheticStudy.Files4 f = SyntheticStudy.write(dir, 11);
        JsonNode a = StudyAnalysis.run(inputs(f, false), StudySettings.DEFAULT).analysis();
        assertEquals(0, a.get("icc").size());
        assertTrue(a.get("icc_note").asText().contains("not applied"));
        // the noisy features (ICC-gated with reader B) are candidates now
        assertTrue(a.get("standardization").has("AP_original_feature27"));
    }

    /** Path of the first difference between two JSON trees, or "" (keeps failure messages short). */
    static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            var it = a.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!b.has(k)) {
                    return path + "/" + k + " (missing)";
                }
                String d = firstDifference(path + "/" + k, a.get(k), b.get(k));
                if (!d.isEmpty()) {
                    return d;
                }
            }
            return a.size() == b.size() ? "" : path + " (sizes differ)";
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return path + " (lengths " + a.size() + " vs " + b.size() + ")";
            }
            for (int i = 0; i < a.size(); i++) {
                String d = firstDifference(path + "[" + i + "]", a.get(i), b.get(i));
                if (!d.isEmpty()) {
                    return d;
                }
            }
            return "";
        }
        return a.equals(b) ? "" : path + ": " + a + " vs " + b;
    }

    @Test
    void endToEndSameSeedSameNumbersAndArtifactReproducesScores() throws Exception {
        SyntheticStudy.Files4 f = SyntheticStudy.write(dir, 11);
        ObjectMapper om = new ObjectMapper();
        StudyAnalysis.Result r1 = StudyAnalysis.run(inputs(f, true), StudySettings.DEFAULT);
        StudyAnalysis.Result r2 = StudyAnalysis.run(inputs(f, true), StudySettings.DEFAULT);
        assertEquals("", firstDifference("", r1.analysis(), r2.analysis()), "same seed, same numbers");
        assertEquals("", firstDifference("", r1.artifact(), r2.artifact()), "same seed, same artifact");
        checkContent(r1);

        // score every case from the artifact JSON alone: bit-identical rad-scores and nomogram probability
        ModelScorer scorer = new ModelScorer(om.writeValueAsString(r1.artifact()));
        FeatureTable fa = FeatureTable.read(f.featuresA());
        ClinicalTable cl = ClinicalTable.read(f.clinical());
        JsonNode a = r1.analysis();
        for (String id : cl.cases().keySet()) {
            Map<String, Double> raw = new HashMap<>();
            for (Sequence s : Sequence.values()) {
                FeatureTable.SequenceFeatures sf = fa.sequences().get(s);
                for (int k = 0; k < sf.names().size(); k++) {
                    raw.put(s.prefixed(sf.names().get(k)), sf.cases().get(id)[k]);
                }
            }
            ModelScorer.Score sc = scorer.score(raw, cl.value(id, "alb"), cl.value(id, "tumor_multiple"));
            for (String m : StudyAnalysis.RADIOMICS_MODELS) {
                assertEquals(a.get("models").get(m).get("scores").get(id).asDouble(), sc.radScores().get(m), 0.0, m + " " + id);
            }
            JsonNode nc = a.get("nomogram").get("cases").get(id);
            assertEquals(nc.get("probability").asDouble(), sc.probability(), 0.0, "nomogram probability " + id);
            assertEquals(nc.get("total").asDouble(), sc.totalPoints(), 0.0, "nomogram total " + id);
        }
    }
}
