package org.radstream.modeling.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.artifact.ModelScorer;
import org.radstream.modeling.study.ClinicalTable;
import org.radstream.modeling.study.FeatureTable;
import org.radstream.modeling.study.OutcomeTable;
import org.radstream.modeling.study.StudyAnalysis;
import org.radstream.modeling.study.StudySettings;
import org.radstream.modeling.study.SyntheticStudy;

/**
 * The case report on a model trained on the seeded synthetic study: every input, point, the probability, model
 * facts and stage times appear (escaped); the red marks on the nomogram sit where the artifact's nomogram scale
 * puts the case's points — the expected points are computed here from the artifact JSON's axis values and
 * coefficients alone (rms::nomogram's rule: points = (βx − min βv)·100/max_j range_j), not with the library's
 * Nomogram — and a mark at a tick value sits on that tick of the drawn figure.
 */
class CaseReportTest {
    static String artifactJson;
    static JsonNode artifact;
    static ModelFacts facts;
    static ModelScorer scorer;
    static FeatureTable features;
    static ClinicalTable clinical;
    static final Instant TRAINED = Instant.parse("2026-11-27T08:15:00Z");

    @BeforeAll
    static void train(@TempDir Path dir) throws Exception {
        SyntheticStudy.Files4 f = SyntheticStudy.write(dir, 11);
        features = FeatureTable.read(f.featuresA());
        clinical = ClinicalTable.read(f.clinical());
        StudyAnalysis.Result r = StudyAnalysis.run(new StudyAnalysis.Inputs(features, FeatureTable.read(f.featuresB()),
                clinical, OutcomeTable.read(f.outcomes())), StudySettings.DEFAULT);
        artifactJson = new ObjectMapper().writeValueAsString(r.artifact());
        artifact = new ObjectMapper().readTree(artifactJson);
        facts = ModelFacts.fromArtifact("nomogram", 3, TRAINED, artifactJson);
        scorer = new ModelScorer(artifactJson);
    }

    /** The case scored by the library from the artifact, as the inference stage does. */
    static CaseReport report(String caseId, double alb, double multiple, double radScore) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("alb", alb);
        values.put("tumor_multiple", multiple);
        values.put("radscore_mpMRI", radScore);
        var cp = facts.nomogram().score(new double[] {alb, multiple, radScore});
        Map<String, Instant> times = new LinkedHashMap<>();
        times.put("quality-gate", Instant.parse("2026-11-27T10:00:01Z"));
        times.put("ingestion", Instant.parse("2026-11-27T10:00:00Z"));
        times.put("inference", Instant.parse("2026-11-27T10:00:02.250Z"));
        return new CaseReport(caseId, facts, values, cp.points(), radScore, cp.total(), cp.probability(),
                cp.probability() >= facts.highRiskThreshold() ? "HIGH" : "LOW", times, Instant.parse("2026-11-27T10:00:02.250Z"));
    }

    /** A synthetic case scored through ModelScorer (features → rad-score → points). */
    static CaseReport scoredCase(String id) {
        Map<String, Double> raw = new HashMap<>();
        features.sequences().forEach((s, sf) -> {
            double[] v = sf.cases().get(id);
            for (int k = 0; k < v.length; k++) {
                raw.put(s.name() + "_" + sf.names().get(k), v[k]);
            }
        });
        double alb = clinical.value(id, "alb"), mult = clinical.value(id, "tumor_multiple");
        ModelScorer.Score s = scorer.score(raw, alb, mult);
        Map<String, Double> values = Map.of("alb", alb, "tumor_multiple", mult,
                "radscore_mpMRI", radScoreFromPoints(s.points().get("radscore_mpMRI")));
        return new CaseReport(id, facts, values, s.points(), s.radScores().get("mpMRI"), s.totalPoints(), s.probability(),
                s.riskBand().toUpperCase(), Map.of("quality-gate", Instant.parse("2026-11-27T10:00:01Z")),
                Instant.parse("2026-11-27T10:00:02Z"));
    }

    static double radScoreFromPoints(double p) {
        JsonNode ax = artifact.get("nomogram").get("axes").get(2);
        return (p / artifact.get("nomogram").get("scale_points_per_logit").asDouble() + ax.get("min_contribution").asDouble())
                / ax.get("coefficient").asDouble();
    }

    /** Points of value x on axis j from the artifact JSON only (rms::nomogram's scaling). */
    static double expectedPoints(int j, double x) {
        JsonNode axes = artifact.get("nomogram").get("axes");
        double widest = 0;
        for (JsonNode ax : axes) {
            double b = ax.get("coefficient").asDouble(), lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (JsonNode v : ax.get("values")) {
                lo = Math.min(lo, b * v.asDouble());
                hi = Math.max(hi, b * v.asDouble());
            }
            widest = Math.max(widest, hi - lo);
        }
        JsonNode ax = axes.get(j);
        double b = ax.get("coefficient").asDouble(), lo = Double.MAX_VALUE;
        for (JsonNode v : ax.get("values")) {
            lo = Math.min(lo, b * v.asDouble());
        }
        return (b * x - lo) * 100 / widest;
    }

    record Circle(double cx, double cy) {
    }

    static List<Circle> circles(String svg) {
        List<Circle> out = new ArrayList<>();
        Matcher m = Pattern.compile("<circle cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"").matcher(svg);
        while (m.find()) {
            out.add(new Circle(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))));
        }
        return out;
    }

    @Test
    void marksSitAtThePointsTheArtifactsScaleGives() {
        for (String id : List.of("case-001", "case-040", "case-077")) {
            CaseReport r = scoredCase(id);
            List<Circle> c = circles(r.nomogramSvg());
            assertEquals(5, c.size(), "three predictor marks, total and risk");
            double[] x = r.axisValues();
            double total = 0;
            for (int j = 0; j < 3; j++) {
                double p = expectedPoints(j, x[j]);
                total += p;
                assertEquals(p, r.points().get(artifact.get("nomogram").get("axes").get(j).get("name").asText()), 1e-9, id + " axis " + j);
                // 620 px per 100 points from x = 200; SVG coordinates are written to 0.01 px
                assertEquals(200 + 6.2 * p, c.get(j).cx(), 0.006, id + " mark of axis " + j);
                assertEquals(120 + 50 * j, c.get(j).cy(), 1e-9);
            }
            // total axis: 0 .. (largest possible total rounded up to 20) over 620 px
            double maxTotal = 0;
            for (int j = 0; j < 3; j++) {
                double m = 0;
                for (JsonNode v : artifact.get("nomogram").get("axes").get(j).get("values")) {
                    m = Math.max(m, expectedPoints(j, v.asDouble()));
                }
                maxTotal += m;
            }
            double totalMax = Math.ceil(maxTotal / 20) * 20;
            assertEquals(200 + 620 * total / totalMax, c.get(3).cx(), 0.006, id + " total mark");
            assertEquals(c.get(3).cx(), c.get(4).cx(), 1e-9, "risk mark under the total");
            assertEquals(r.totalPoints(), total, 1e-9);
        }
    }

    @Test
    void aMarkAtATickValueSitsOnThatTickOfTheDrawnFigure() {
        JsonNode albAxis = artifact.get("nomogram").get("axes").get(0);
        double tick = albAxis.get("values").get(3).asDouble();
        String svg = report("c1", tick, 1, 0.0).nomogramSvg();
        Circle mark = circles(svg).get(0);
        // Figures draws each tick as a 6 px line up from the axis row
        Matcher m = Pattern.compile("<line x1=\"([-0-9.]+)\" y1=\"120.00\" x2=\"\\1\" y2=\"114.00\"").matcher(svg);
        List<Double> ticks = new ArrayList<>();
        while (m.find()) {
            ticks.add(Double.parseDouble(m.group(1)));
        }
        assertEquals(albAxis.get("values").size(), ticks.size(), "one tick per ALB axis value");
        assertTrue(ticks.contains(mark.cx()), "mark at " + mark.cx() + " on a tick " + ticks);
        // tumour number: single and multiple are the two ticks of row 2
        Circle multiple = circles(svg).get(1);
        assertTrue(svg.contains("<line x1=\"" + String.format(java.util.Locale.ROOT, "%.2f", multiple.cx()) + "\" y1=\"170.00\""), svg);
    }

    @Test
    void everyInputModelFactAndStageTimeIsInTheHtml() {
        CaseReport r = report("case-0f3a9c", 35.5, 0, -0.42);
        String html = r.html();
        JsonNode nm = artifact.get("metrics").get("nomogram");
        for (String s : List.of("case-0f3a9c", "Serum albumin (ALB)", "35.5 g/L", "Tumour number", "single", "mpMRI rad-score",
                "-0.420", String.format(java.util.Locale.ROOT, "%.1f", r.points().get("alb")),
                String.format(java.util.Locale.ROOT, "%.1f", r.points().get("radscore_mpMRI")),
                String.format(java.util.Locale.ROOT, "%.1f", r.totalPoints()),
                String.format(java.util.Locale.ROOT, "%.3f", r.probability()), r.riskBand(),
                "nomogram", "<td>3</td>", "2026-11-27T08:15:00Z",
                String.format(java.util.Locale.ROOT, "%.3f", nm.get("auc_validation").asDouble()),
                String.format(java.util.Locale.ROOT, "%.3f", nm.get("auc_validation_ci_low").asDouble()),
                "ingestion", "quality-gate", "inference", "2026-11-27T10:00:02.250Z", "2250 ms",
                "Research software, not a medical device")) {
            assertTrue(html.contains(s), "report lacks " + s);
        }
        assertTrue(html.indexOf("<td>ingestion</td>") < html.indexOf("<td>quality-gate</td>"), "stage times in time order");
        assertTrue(html.contains("<svg"), "nomogram inline");
        assertFalse(html.contains("<script"), "no script");
        assertFalse(Pattern.compile("(src|href)=\"(https?:|//)").matcher(html).find(), "no external resource");
        assertEquals(html, report("case-0f3a9c", 35.5, 0, -0.42).html(), "same input, same bytes");
    }

    @Test
    void textFromDataIsEscaped() {
        String evil = "<script>alert('x')</script>&\"";
        CaseReport r = new CaseReport(evil, facts, report("x", 40, 0, 0).values(), report("x", 40, 0, 0).points(), 0,
                report("x", 40, 0, 0).totalPoints(), report("x", 40, 0, 0).probability(), "<b>LOW</b>",
                Map.of("<img src=x onerror=alert(1)>", Instant.EPOCH), Instant.EPOCH.plusSeconds(1));
        String html = r.html();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertFalse(html.contains("<b>LOW"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
    }

    @Test
    void pointsThatDoNotFitTheModelAreRefused() {
        CaseReport ok = report("c", 40, 1, 0.3);
        Map<String, Double> wrong = new HashMap<>(ok.points());
        wrong.put("alb", wrong.get("alb") + 0.5);
        ModelingException e = assertThrows(ModelingException.class, () -> new CaseReport("c", facts, ok.values(), wrong, 0.3,
                ok.totalPoints() + 0.5, ok.probability(), "LOW", Map.of(), Instant.EPOCH));
        assertTrue(e.getMessage().contains("alb") && e.getMessage().contains("nomogram v3"), e.getMessage());
        assertThrows(ModelingException.class, () -> new CaseReport("c", facts, ok.values(), ok.points(), 0.3,
                ok.totalPoints(), ok.probability() + 0.01, "LOW", Map.of(), Instant.EPOCH));
        Map<String, Double> missing = new HashMap<>(ok.values());
        missing.remove("tumor_multiple");
        assertThrows(ModelingException.class, () -> new CaseReport("c", facts, missing, ok.points(), 0.3,
                ok.totalPoints(), ok.probability(), "LOW", Map.of(), Instant.EPOCH));
    }
}
