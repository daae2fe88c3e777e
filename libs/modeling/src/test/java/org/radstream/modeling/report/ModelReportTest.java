package org.radstream.modeling.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.modeling.study.ClinicalTable;
import org.radstream.modeling.study.FeatureTable;
import org.radstream.modeling.study.OutcomeTable;
import org.radstream.modeling.study.StudyAnalysis;
import org.radstream.modeling.study.StudySettings;
import org.radstream.modeling.study.SyntheticStudy;

/** The model report over a real analysis of the synthetic study, written by AnalysisWriter. */
class ModelReportTest {
    static StudyAnalysis.Result result;
    static ModelFacts facts;
    static JsonNode artifact;
    static Path analysisDir;

    @BeforeAll
    static void train(@TempDir Path dir) throws Exception {
        SyntheticStudy.Files4 f = SyntheticStudy.write(dir, 11);
        result = StudyAnalysis.run(new StudyAnalysis.Inputs(FeatureTable.read(f.featuresA()), FeatureTable.read(f.featuresB()),
                ClinicalTable.read(f.clinical()), OutcomeTable.read(f.outcomes())), StudySettings.DEFAULT);
        String json = new ObjectMapper().writeValueAsString(result.artifact());
        artifact = new ObjectMapper().readTree(json);
        facts = ModelFacts.fromArtifact("nomogram", 2, Instant.parse("2026-11-27T08:15:00Z"), json);
        analysisDir = dir.resolve("analysis");
        AnalysisWriter.write(result, analysisDir);
    }

    static List<ModelReport.Figure> svgFigures() throws Exception {
        List<ModelReport.Figure> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(analysisDir.resolve("figures"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".svg")).sorted().toList()) {
                String n = p.getFileName().toString();
                out.add(new ModelReport.Figure(n.substring(0, n.length() - 4), Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    @Test
    void tablesFiguresAndEveryModelsMetricsAreInTheReport() throws Exception {
        List<ModelReport.Figure> figs = svgFigures();
        ModelReport r = new ModelReport(facts, Map.of("auc_validation", 0.8123, "mpMRI.auc_validation", 0.7001), "abc123", "fp456",
                "settings789", result.tables(), figs);
        String html = r.html();
        for (StudyAnalysis.Table t : result.tables()) {
            assertTrue(html.contains(Html.text(t.title())), "title of " + t.name());
            for (List<String> row : t.rows()) {
                for (String cell : row) {
                    assertTrue(html.contains("<td>" + Html.text(cell) + "</td>"), t.name() + " lacks cell " + cell);
                }
            }
        }
        // every model of the artifact with its validation AUC, read straight from the JSON
        artifact.get("metrics").fields().forEachRemaining(e -> {
            assertTrue(html.contains("<td>" + e.getKey() + "</td>"), e.getKey());
            assertTrue(html.contains(String.format(Locale.ROOT, "%.3f", e.getValue().get("auc_validation").asDouble())), e.getKey());
        });
        assertTrue(html.contains("<td>auc_validation</td><td class=\"num\">0.812</td>"), "headline metric");
        assertFalse(html.contains("mpMRI.auc_validation"), "other models' metrics come from the artifact's table");
        assertTrue(html.contains("abc123") && html.contains("fp456") && html.contains("settings789"));
        // figures: each analysis SVG once as a data: image (bytes unchanged), the nomogram drawn inline from the artifact
        Matcher m = Pattern.compile("<img alt=\"([^\"]+)\" src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\">").matcher(html);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
            String svg = new String(Base64.getDecoder().decode(m.group(2)), StandardCharsets.UTF_8);
            assertEquals(figs.stream().filter(f -> f.name().equals(m.group(1))).findFirst().orElseThrow().svg(), svg);
        }
        assertEquals(figs.size() - 1, names.size(), "all but the analysis's nomogram: " + names);
        assertTrue(names.indexOf("roc_validation") < names.indexOf("calibration_validation"));
        assertTrue(names.indexOf("dca_train") < names.indexOf("coefficients_AP"));
        assertEquals(1, html.split("<svg", -1).length - 1, "one inline SVG: the artifact's nomogram");
        assertFalse(html.contains("<script"));
        assertEquals(html, new ModelReport(facts, Map.of("auc_validation", 0.8123), "abc123", "fp456", "settings789",
                result.tables(), svgFigures()).html(), "same input, same bytes");
    }

    @Test
    void withoutAnAnalysisTheArtifactPartsRemainAndAFileCannotInjectMarkup() {
        String html = new ModelReport(facts, Map.of(), "s", "f", "", List.of(), List.of()).html();
        assertTrue(html.contains("No analysis directory"));
        assertTrue(html.contains("<svg"));
        String evil = new ModelReport(facts, Map.of("<i>x</i>", 1.0), "s", "f", "",
                List.of(new StudyAnalysis.Table("t", "<b>T</b>", List.of("a&b"), List.of(List.of("<script>x</script>")))),
                List.of(new ModelReport.Figure("roc_train\"><script>", "<svg><script>alert(1)</script></svg>"))).html();
        assertFalse(evil.contains("<script"), evil);
        assertFalse(evil.contains("<i>x") || evil.contains("<b>T"), evil);
        assertTrue(evil.contains("&lt;b&gt;T&lt;/b&gt;") && evil.contains("a&amp;b") && evil.contains("roc_train&quot;&gt;&lt;script&gt;"));
    }
}
