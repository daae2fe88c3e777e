package org.radstream.modeling.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.radstream.modeling.study.StudyAnalysis;

/**
 * The report of one published model version (DESIGN §1 steps 5–10 for a reader): headline metrics, every model's
 * performance from the artifact (the study's Table 3 layout), the nomogram drawn from the artifact and — when the
 * training run's analysis directory is available ({@link AnalysisWriter}'s output) — the study's Tables 1–3 and
 * figures (ROC, calibration, decision curves, coefficients). One self-contained HTML file: the artifact's
 * nomogram is inline SVG we draw; figures read from files are embedded as {@code data:} images, which a browser
 * never lets run scripts or load other resources. All text is escaped; no clock inside (same input, same bytes).
 *
 * @param model                   the model, read from its artifact
 * @param headlineMetrics         the metrics published with the model (e.g. auc_validation); keys with a dot
 *                                (another model's, e.g. mpMRI.auc_validation) are left to the performance table
 * @param artifactSha256          SHA-256 of the artifact JSON
 * @param trainingDataFingerprint SHA-256 over the training cases, features and labels
 * @param featureSettingsHash     feature-extraction settings the model expects (may be empty)
 * @param tables                  the analysis's tables (Table 1, 2, 3), empty without an analysis
 * @param figures                 the analysis's SVG figures by file name without extension, empty without one
 */
public record ModelReport(ModelFacts model, Map<String, Double> headlineMetrics, String artifactSha256,
                          String trainingDataFingerprint, String featureSettingsHash, List<StudyAnalysis.Table> tables,
                          List<Figure> figures) {

    /** An SVG figure: {@code name} as written by {@link Figures} (e.g. roc_validation), {@code svg} the document. */
    public record Figure(String name, String svg) {
        public Figure {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(svg, "svg");
        }
    }

    /** Figure order in the report: by the first matching name prefix, then by name. */
    static final List<String> FIGURE_ORDER = List.of("roc_validation", "roc_train", "roc_sequences_validation",
            "roc_sequences_train", "calibration_validation", "calibration_train", "dca_validation", "dca_train", "coefficients_");

    public ModelReport {
        Objects.requireNonNull(model, "model");
        headlineMetrics = new TreeMap<>(headlineMetrics);
        tables = List.copyOf(tables);
        figures = new ArrayList<>(figures.stream().filter(f -> !f.name().equals("nomogram")).toList());
        figures.sort(Comparator.comparingInt((Figure f) -> rank(f.name())).thenComparing(Figure::name));
        figures = List.copyOf(figures);
    }

    private static int rank(String name) {
        for (int i = 0; i < FIGURE_ORDER.size(); i++) {
            if (name.startsWith(FIGURE_ORDER.get(i))) {
                return i;
            }
        }
        return FIGURE_ORDER.size();
    }

    /** The report as one self-contained HTML document. */
    public String html() {
        String title = "Model report: " + model.name() + " v" + model.version();
        StringBuilder sb = new StringBuilder(Html.head(title));
        sb.append("<h1>").append(Html.text(title)).append("</h1>\n");
        sb.append("<p class=\"notice\"><strong>Intended use.</strong> ").append(Html.text(CaseReport.INTENDED_USE)).append("</p>\n");

        sb.append("<h2>Model</h2>\n");
        List<List<String>> id = new ArrayList<>();
        id.add(List.of("Model", model.name()));
        id.add(List.of("Version", Integer.toString(model.version())));
        id.add(List.of("Training finished (UTC)", model.trainedAt().toString()));
        id.add(List.of("Training / validation cases", model.trainingCases() + " / " + model.validationCases()));
        id.add(List.of("High-risk threshold (nomogram probability)", Html.num(model.highRiskThreshold(), 3)));
        id.add(List.of("Artifact SHA-256", Objects.toString(artifactSha256, "")));
        id.add(List.of("Training data fingerprint", Objects.toString(trainingDataFingerprint, "")));
        id.add(List.of("Feature settings hash", Objects.toString(featureSettingsHash, "")));
        sb.append(Html.facts(id));

        // the published model's own metrics; per-model keys (mpMRI.auc_validation) are in the performance table below
        List<List<String>> rows = new ArrayList<>();
        headlineMetrics.forEach((k, v) -> {
            if (!k.contains(".")) {
                rows.add(List.of(k, Html.num(v, 3)));
            }
        });
        if (!rows.isEmpty()) {
            sb.append("<h2>Headline metrics</h2>\n");
            sb.append(Html.table(List.of("Metric", "Value"), rows, new boolean[] {false, true}));
        }

        sb.append("<h2>Performance of every model (validation cohort unless stated)</h2>\n");
        List<List<String>> perf = new ArrayList<>();
        model.metrics().forEach((name, m) -> perf.add(List.of(name, Html.num(m.aucTrain(), 3), Html.num(m.aucValidation(), 3)
                + " (" + Html.num(m.aucValidationCiLow(), 3) + " to " + Html.num(m.aucValidationCiHigh(), 3) + ")",
                Html.num(m.accuracyValidation(), 3), Html.num(m.sensitivityValidation(), 3), Html.num(m.specificityValidation(), 3))));
        sb.append(Html.table(List.of("Model", "AUC train", "AUC validation (95% CI)", "Accuracy", "Sensitivity", "Specificity"),
                perf, new boolean[] {false, true, true, true, true, true}));

        sb.append("<h2>Nomogram</h2>\n<figure>\n");
        SvgCanvas c = new SvgCanvas(CaseNomogramFigure.WIDTH, CaseNomogramFigure.HEIGHT);
        Figures.nomogram(c, model.nomogram());
        sb.append(Html.inlineSvg(c.document())).append("<figcaption>Nomogram drawn from the model artifact.</figcaption>\n</figure>\n");

        if (tables.isEmpty() && figures.isEmpty()) {
            sb.append("<p>No analysis directory was published with this model: tables and study figures are not available.</p>\n");
        }
        for (StudyAnalysis.Table t : tables) {
            sb.append("<h2>").append(Html.text(t.title())).append("</h2>\n");
            boolean[] numeric = new boolean[t.header().size()];
            sb.append(Html.table(t.header(), t.rows(), numeric));
        }
        if (!figures.isEmpty()) {
            sb.append("<h2>Figures</h2>\n");
            for (Figure f : figures) {
                sb.append("<figure>\n").append(Html.svgImage(f.svg(), f.name())).append("\n<figcaption>")
                        .append(Html.text(f.name())).append("</figcaption>\n</figure>\n");
            }
        }
        sb.append("<p><small>Written by radstream reporting.</small></p>\n");
        return sb.append(Html.tail()).toString();
    }
}
