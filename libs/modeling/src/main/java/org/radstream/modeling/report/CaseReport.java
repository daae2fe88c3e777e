package org.radstream.modeling.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.nomogram.Nomogram;

/**
 * One case's risk report (DESIGN §1 step 9 shown to a reader): the nomogram inputs (ALB, tumour number, mpMRI
 * rad-score), each one's points, the total points, the predicted probability of early recurrence with its risk
 * band, the nomogram with the case marked ({@link CaseNomogramFigure}), the model's identity and validation AUC,
 * the pipeline's per-stage times and the intended-use statement. {@link #html()} is one self-contained HTML file:
 * styles and the SVG inline, no script, no external resource; every text from data is escaped.
 *
 * <p>The numbers shown are the scored ones; the constructor checks them against the model's nomogram
 * (points_j = (β_j x_j − m_j)·scale for each value, Σ points = total, risk = 1/(1+e^{−(β₀+Σm_j+total/scale)}))
 * so a report never pairs a score with the wrong model version. The same inputs always give the same bytes
 * (no clock inside), so re-writing a report is harmless.
 *
 * @param caseId       pseudonymous case id (never a patient identifier)
 * @param model        the model that scored the case
 * @param values       case value per nomogram axis name (alb in g/L, tumor_multiple 0/1, radscore_mpMRI)
 * @param points       points per nomogram axis name, as scored
 * @param radScore     the mpMRI rad-score as scored
 * @param totalPoints  total points as scored
 * @param probability  predicted probability of early recurrence within 2 years, as scored
 * @param riskBand     risk band as scored (LOW, INTERMEDIATE, HIGH)
 * @param stageTimes   pipeline stage → when the case left it (UTC)
 * @param scoredAt     when the case was scored (UTC)
 */
public record CaseReport(String caseId, ModelFacts model, Map<String, Double> values, Map<String, Double> points,
                         double radScore, double totalPoints, double probability, String riskBand,
                         Map<String, Instant> stageTimes, Instant scoredAt) {

    /** What the software is and is not for; on every report. */
    public static final String INTENDED_USE = "Research software, not a medical device. This estimate comes from a "
            + "statistical model (radiomics nomogram: serum albumin, tumour number and an MRI rad-score) developed on a "
            + "small retrospective cohort; it has not been validated prospectively or cleared by any regulator. It must "
            + "not be used to diagnose, to choose or withhold treatment, or to replace the judgement of the clinical team.";

    /** Points may differ from the nomogram's by rounding only (the scorer uses the same arithmetic). */
    static final double POINTS_TOLERANCE = 1e-6;

    public CaseReport {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(riskBand, "riskBand");
        Objects.requireNonNull(scoredAt, "scoredAt");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
        stageTimes = Collections.unmodifiableMap(new LinkedHashMap<>(stageTimes));
        String where = "case " + caseId + ", model " + model.name() + " v" + model.version();
        Nomogram nom = model.nomogram();
        double sum = 0;
        for (int j = 0; j < nom.axes().size(); j++) {
            String axis = nom.axes().get(j).name();
            Double v = values.get(axis);
            Double p = points.get(axis);
            if (v == null || p == null || !Double.isFinite(v) || !Double.isFinite(p)) {
                throw new ModelingException(where + ": no finite value and points for nomogram predictor " + axis);
            }
            double expected = nom.points(j, v);
            if (Math.abs(expected - p) > POINTS_TOLERANCE * Math.max(1, Math.abs(expected))) {
                throw new ModelingException(where + ": predictor " + axis + " = " + v + " has " + p
                        + " points but the model's nomogram gives " + expected + " (scored with another model?)");
            }
            sum += p;
        }
        if (Math.abs(sum - totalPoints) > POINTS_TOLERANCE * Math.max(1, Math.abs(sum))) {
            throw new ModelingException(where + ": total points " + totalPoints + " is not the sum of the predictors' points " + sum);
        }
        double risk = nom.probabilityForTotal(totalPoints);
        if (!(Math.abs(risk - probability) <= 1e-9)) {
            throw new ModelingException(where + ": probability " + probability + " does not follow from " + totalPoints
                    + " total points (the nomogram gives " + risk + ")");
        }
    }

    /** The case values in nomogram axis order. */
    public double[] axisValues() {
        List<Nomogram.Axis> axes = model.nomogram().axes();
        double[] v = new double[axes.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = values.get(axes.get(j).name());
        }
        return v;
    }

    /** The nomogram with this case marked, as an SVG document. */
    public String nomogramSvg() {
        return CaseNomogramFigure.svg(model.nomogram(), axisValues());
    }

    /** Reader-facing name of a nomogram predictor. */
    static String label(String axis) {
        return switch (axis) {
            case "alb" -> "Serum albumin (ALB)";
            case "tumor_multiple" -> "Tumour number";
            case "radscore_mpMRI" -> "mpMRI rad-score";
            default -> axis;
        };
    }

    static String formatValue(Nomogram.Axis axis, double v) {
        if (axis.binary()) {
            return axis.name().equals("tumor_multiple") ? (v == 1 ? "multiple" : "single") : Html.num(v, 0);
        }
        return switch (axis.name()) {
            case "alb" -> Html.num(v, 1) + " g/L";
            case "radscore_mpMRI" -> Html.num(v, 3);
            default -> Html.num(v, 3);
        };
    }

    /** The report as one self-contained HTML document. */
    public String html() {
        String title = "Early-recurrence risk report, case " + caseId;
        StringBuilder sb = new StringBuilder(Html.head(title));
        sb.append("<h1>").append(Html.text(title)).append("</h1>\n");
        sb.append("<p class=\"notice\"><strong>Intended use.</strong> ").append(Html.text(INTENDED_USE)).append("</p>\n");

        sb.append("<h2>Result</h2>\n<p class=\"risk\">Predicted probability of early recurrence within 2 years after ")
                .append("radiofrequency ablation: <strong>").append(Html.num(probability, 3)).append("</strong> (")
                .append(Html.num(100 * probability, 1)).append(" %), risk band <span class=\"band-").append(Html.text(riskBand))
                .append("\">").append(Html.text(riskBand)).append("</span>.</p>\n");
        sb.append("<p>Total points ").append(Html.num(totalPoints, 1)).append(". The model calls a case high risk from a ")
                .append("probability of ").append(Html.num(model.highRiskThreshold(), 3))
                .append(" (Youden index on the training cohort).</p>\n");

        sb.append("<h2>Inputs and points</h2>\n");
        List<List<String>> rows = new ArrayList<>();
        for (Nomogram.Axis ax : model.nomogram().axes()) {
            rows.add(List.of(label(ax.name()), formatValue(ax, values.get(ax.name())), Html.num(points.get(ax.name()), 1)));
        }
        rows.add(List.of("Total", "", Html.num(totalPoints, 1)));
        sb.append(Html.table(List.of("Predictor", "Case value", "Points"), rows, new boolean[] {false, true, true}));
        sb.append("<p>mpMRI rad-score (intercept + Σ coefficient × standardised radiomics feature of T1WI, T2WI, AP, ")
                .append("PVP and DP): ").append(Html.num(radScore, 3)).append(".</p>\n");

        sb.append("<h2>Nomogram</h2>\n<figure>\n").append(Html.inlineSvg(nomogramSvg()))
                .append("<figcaption>Nomogram of model ").append(Html.text(model.name())).append(" v").append(model.version())
                .append(": red dots mark this case's value and points on each axis, its total points and its risk.")
                .append("</figcaption>\n</figure>\n");

        sb.append("<h2>Model</h2>\n");
        ModelFacts.Metrics m = model.nomogramMetrics();
        List<List<String>> mrows = new ArrayList<>();
        mrows.add(List.of("Model", model.name()));
        mrows.add(List.of("Version", Integer.toString(model.version())));
        mrows.add(List.of("Training finished (UTC)", model.trainedAt().toString()));
        mrows.add(List.of("Training / validation cases", model.trainingCases() + " / " + model.validationCases()));
        if (m != null) {
            mrows.add(List.of("Nomogram AUC, training", Html.num(m.aucTrain(), 3)));
            mrows.add(List.of("Nomogram AUC, validation (95% CI, DeLong)", Html.num(m.aucValidation(), 3) + " ("
                    + Html.num(m.aucValidationCiLow(), 3) + " to " + Html.num(m.aucValidationCiHigh(), 3) + ")"));
            mrows.add(List.of("Sensitivity / specificity, validation", Html.num(m.sensitivityValidation(), 3) + " / "
                    + Html.num(m.specificityValidation(), 3)));
        } else {
            mrows.add(List.of("Nomogram AUC", "not recorded in the model artifact"));
        }
        sb.append(Html.facts(mrows));

        sb.append("<h2>Pipeline times</h2>\n");
        List<Map.Entry<String, Instant>> times = new ArrayList<>(stageTimes.entrySet());
        times.sort(Map.Entry.comparingByValue());
        List<List<String>> trows = new ArrayList<>();
        Instant first = times.isEmpty() ? scoredAt : times.get(0).getValue();
        for (Map.Entry<String, Instant> e : times) {
            trows.add(List.of(e.getKey(), e.getValue().toString(), millis(Duration.between(first, e.getValue()))));
        }
        trows.add(List.of("scored", scoredAt.toString(), millis(Duration.between(first, scoredAt))));
        sb.append(Html.table(List.of("Stage", "Left the stage at (UTC)", "Since first stage"), trows,
                new boolean[] {false, false, true}));

        sb.append("<p><small>Case ").append(Html.text(caseId)).append(" is a pseudonym (keyed hash); this report holds no ")
                .append("name, birth date or patient ID. Written by radstream reporting.</small></p>\n");
        return sb.append(Html.tail()).toString();
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }
}
