package org.radstream.modeling.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.radstream.modeling.metrics.Calibration;
import org.radstream.modeling.metrics.DecisionCurve;
import org.radstream.modeling.nomogram.Nomogram;
import org.radstream.modeling.selection.RadScoreModel;
import org.radstream.modeling.study.StudyAnalysis;

/** The study's figures (ROC, calibration, decision curves, coefficient bars, nomogram), each as SVG and PNG. */
public final class Figures {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2"};
    private static final int W = 640;
    private static final int H = 520;

    private Figures() {
    }

    /** Writes every figure into dir; returns the file names written. */
    public static List<String> write(StudyAnalysis.Result r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> out = new ArrayList<>();
        for (String cohort : List.of("train", "validation")) {
            out.addAll(both(dir, "roc_" + cohort, W, H, c -> roc(c, r, List.of("nomogram", "mpMRI", "CE-MRI", "clinical"), cohort)));
            out.addAll(both(dir, "roc_sequences_" + cohort, W, H, c -> roc(c, r, List.of("T1WI", "T2WI", "AP", "PVP", "DP"), cohort)));
            out.addAll(both(dir, "calibration_" + cohort, W, H, c -> calibration(c, r.calibration(), cohort)));
            out.addAll(both(dir, "dca_" + cohort, W, H, c -> dca(c, r.dca().get(cohort), cohort)));
        }
        for (String m : StudyAnalysis.RADIOMICS_MODELS) {
            Map<String, Double> co = r.coefficients().get(m);
            int h = 120 + 22 * (co.size() - 1);
            out.addAll(both(dir, "coefficients_" + m, 760, h, c -> coefficients(c, m, co, 760, h)));
        }
        out.addAll(both(dir, "nomogram", 900, 420, c -> nomogram(c, r.nomogram())));
        return out;
    }

    private static List<String> both(Path dir, String name, int w, int h, Consumer<Canvas> draw) throws IOException {
        SvgCanvas svg = new SvgCanvas(w, h);
        draw.accept(svg);
        Files.writeString(dir.resolve(name + ".svg"), svg.document(), StandardCharsets.UTF_8);
        PngCanvas png = new PngCanvas(w, h);
        draw.accept(png);
        ImageIO.write(png.image(), "png", dir.resolve(name + ".png").toFile());
        return List.of(name + ".svg", name + ".png");
    }

    /** Plot area mapping data to pixels with axes and ticks. */
    private record Frame(double x0, double y0, double w, double h, double xmin, double xmax, double ymin, double ymax) {
        double px(double x) {
            return x0 + (x - xmin) / (xmax - xmin) * w;
        }

        double py(double y) {
            return y0 + h - (y - ymin) / (ymax - ymin) * h;
        }

        void axes(Canvas c, String title, String xl, String yl, double xstep, double ystep) {
            c.text(x0 + w / 2, y0 - 18, title, 16, Canvas.Anchor.MIDDLE, false);
            c.line(x0, y0 + h, x0 + w, y0 + h, "#000000", 1, false);
            c.line(x0, y0, x0, y0 + h, "#000000", 1, false);
            for (double x = Math.ceil(xmin / xstep) * xstep; x <= xmax + 1e-9; x += xstep) {
                c.line(px(x), y0 + h, px(x), y0 + h + 5, "#000000", 1, false);
                c.text(px(x), y0 + h + 20, fmt(x), 12, Canvas.Anchor.MIDDLE, false);
            }
            for (double y = Math.ceil(ymin / ystep) * ystep; y <= ymax + 1e-9; y += ystep) {
                c.line(x0 - 5, py(y), x0, py(y), "#000000", 1, false);
                c.text(x0 - 8, py(y) + 4, fmt(y), 12, Canvas.Anchor.END, false);
            }
            c.text(x0 + w / 2, y0 + h + 42, xl, 13, Canvas.Anchor.MIDDLE, false);
            c.text(x0 - 48, y0 + h / 2, yl, 13, Canvas.Anchor.MIDDLE, true);
        }
    }

    private static String fmt(double v) {
        double r = Math.round(v * 100) / 100.0;
        return r == Math.rint(r) ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.2f", r).replaceAll("0$", "");
    }

    private static void legend(Canvas c, double x, double y, List<String> labels, List<String> colors, List<Boolean> dashed) {
        for (int i = 0; i < labels.size(); i++) {
            c.line(x, y + i * 18, x + 24, y + i * 18, colors.get(i), 2, dashed.get(i));
            c.text(x + 30, y + i * 18 + 4, labels.get(i), 12, Canvas.Anchor.START, false);
        }
    }

    static void roc(Canvas c, StudyAnalysis.Result r, List<String> models, String cohort) {
        Frame f = new Frame(80, 50, 500, 400, 0, 1, 0, 1);
        f.axes(c, "ROC curves, " + cohort + " cohort", "1 - specificity", "Sensitivity", 0.2, 0.2);
        c.line(f.px(0), f.py(0), f.px(1), f.py(1), "#999999", 1, true);
        List<String> labels = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        List<Boolean> dashed = new ArrayList<>();
        for (int k = 0; k < models.size(); k++) {
            StudyAnalysis.CohortScores cs = r.scores().get(models.get(k)).get(cohort);
            double[][] pts = rocPoints(cs.scores(), cs.y());
            double[] xs = Arrays.stream(pts).mapToDouble(p -> f.px(p[0])).toArray();
            double[] ys = Arrays.stream(pts).mapToDouble(p -> f.py(p[1])).toArray();
            c.polyline(xs, ys, COLORS[k % COLORS.length], 2, false);
            double auc = r.analysis().get("models").get(models.get(k)).get("auc").get(cohort).get("value").asDouble();
            labels.add(String.format(Locale.ROOT, "%s (AUC %.3f)", models.get(k), auc));
            colors.add(COLORS[k % COLORS.length]);
            dashed.add(false);
        }
        legend(c, f.px(0.45), f.py(0.3), labels, colors, dashed);
    }

    /** (1 − specificity, sensitivity) from the highest threshold down; a case is positive when score ≥ t. */
    static double[][] rocPoints(double[] s, int[] y) {
        double[] t = Arrays.stream(s).distinct().sorted().toArray();
        int pos = Arrays.stream(y).sum(), neg = y.length - pos;
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0});
        for (int k = t.length - 1; k >= 0; k--) {
            int tp = 0, fp = 0;
            for (int i = 0; i < s.length; i++) {
                if (s[i] >= t[k]) {
                    if (y[i] == 1) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            pts.add(new double[] {fp / (double) neg, tp / (double) pos});
        }
        return pts.toArray(new double[0][]);
    }

    static void calibration(Canvas c, Map<String, Map<String, Calibration.Result>> cal, String cohort) {
        Frame f = new Frame(80, 50, 500, 400, 0, 1, 0, 1);
        f.axes(c, "Calibration, " + cohort + " cohort", "Predicted probability", "Observed proportion", 0.2, 0.2);
        c.line(f.px(0), f.py(0), f.px(1), f.py(1), "#999999", 1, true);
        List<String> models = List.of("nomogram", "clinical", "mpMRI");
        List<String> labels = new ArrayList<>(List.of("ideal"));
        List<String> colors = new ArrayList<>(List.of("#999999"));
        List<Boolean> dashed = new ArrayList<>(List.of(true));
        for (int k = 0; k < models.size(); k++) {
            Calibration.Result cr = cal.get(models.get(k)).get(cohort);
            String col = COLORS[k];
            double[] xs = cr.smooth().stream().mapToDouble(p -> f.px(p.predicted())).toArray();
            double[] ys = cr.smooth().stream().mapToDouble(p -> f.py(p.observed())).toArray();
            c.polyline(xs, ys, col, 2, false);
            for (Calibration.Bin b : cr.bins()) {
                c.circle(f.px(b.meanPredicted()), f.py(b.observedRate()), 3.5, col);
            }
            labels.add(String.format(Locale.ROOT, "%s (Brier %.3f, HL p %.2f)", models.get(k), cr.brier(), cr.hosmerLemeshow().pValue()));
            colors.add(col);
            dashed.add(false);
        }
        legend(c, f.px(0.03), f.py(0.97), labels, colors, dashed);
    }

    static void dca(Canvas c, Map<String, List<DecisionCurve.Point>> curves, String cohort) {
        double max = 0;
        for (List<DecisionCurve.Point> l : curves.values()) {
            for (DecisionCurve.Point p : l) {
                max = Math.max(max, Math.max(p.model(), p.treatAll()));
            }
        }
        double ymax = Math.ceil((max + 0.05) * 10) / 10;
        Frame f = new Frame(80, 50, 500, 400, 0, 1, -0.1, ymax);
        f.axes(c, "Decision curves, " + cohort + " cohort", "Threshold probability", "Net benefit", 0.2, 0.1);
        List<String> labels = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        List<Boolean> dashed = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, List<DecisionCurve.Point>> e : curves.entrySet()) {
            clipped(c, f, e.getValue().stream().mapToDouble(DecisionCurve.Point::threshold).toArray(),
                    e.getValue().stream().mapToDouble(DecisionCurve.Point::model).toArray(), COLORS[k], false);
            labels.add(e.getKey());
            colors.add(COLORS[k++]);
            dashed.add(false);
        }
        List<DecisionCurve.Point> any = curves.values().iterator().next();
        clipped(c, f, any.stream().mapToDouble(DecisionCurve.Point::threshold).toArray(),
                any.stream().mapToDouble(DecisionCurve.Point::treatAll).toArray(), "#555555", true);
        c.line(f.px(0), f.py(0), f.px(1), f.py(0), "#000000", 1.5, false);
        labels.add("treat all");
        colors.add("#555555");
        dashed.add(true);
        labels.add("treat none");
        colors.add("#000000");
        dashed.add(false);
        legend(c, f.px(0.62), f.py(ymax) + 20, labels, colors, dashed);
    }

    private static void clipped(Canvas c, Frame f, double[] x, double[] y, String col, boolean dashed) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (y[i] >= f.ymin()) {
                xs.add(f.px(x[i]));
                ys.add(f.py(y[i]));
            }
        }
        c.polyline(xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray(), col, 2, dashed);
    }

    static void coefficients(Canvas c, String model, Map<String, Double> co, int w, int h) {
        List<Map.Entry<String, Double>> e = new ArrayList<>(co.entrySet().stream()
                .filter(x -> !x.getKey().equals(RadScoreModel.INTERCEPT)).toList());
        e.sort(Comparator.comparingDouble(x -> -Math.abs(x.getValue())));
        double max = e.stream().mapToDouble(x -> Math.abs(x.getValue())).max().orElse(1);
        double x0 = 430, half = 150;
        c.text(w / 2.0, 30, model + " rad-score coefficients (standardised features)", 16, Canvas.Anchor.MIDDLE, false);
        for (int i = 0; i < e.size(); i++) {
            double y = 60 + 22 * i;
            double v = e.get(i).getValue();
            double len = v / max * half;
            c.rect(v >= 0 ? x0 : x0 + len, y, Math.abs(len), 16, v >= 0 ? "#d62728" : "#1f77b4");
            String name = e.get(i).getKey();
            c.text(x0 - half - 10, y + 12, name.length() > 48 ? name.substring(0, 45) + "..." : name, 11, Canvas.Anchor.END, false);
            c.text(v >= 0 ? x0 + len + 4 : x0 + len - 4, y + 12, String.format(Locale.ROOT, "%.3f", v), 11,
                    v >= 0 ? Canvas.Anchor.START : Canvas.Anchor.END, false);
        }
        c.line(x0, 55, x0, 60 + 22 * e.size(), "#000000", 1, false);
    }

    static void nomogram(Canvas c, Nomogram nom) {
        double x0 = 200, w = 620;
        double perPoint = w / 100.0;
        int row = 0;
        c.text(450, 28, "Nomogram: risk of early recurrence", 16, Canvas.Anchor.MIDDLE, false);
        // Points scale
        double y = 70;
        c.text(x0 - 15, y + 4, "Points", 13, Canvas.Anchor.END, false);
        c.line(x0, y, x0 + w, y, "#000000", 1, false);
        for (int p = 0; p <= 100; p += 10) {
            c.line(x0 + p * perPoint, y, x0 + p * perPoint, y - 6, "#000000", 1, false);
            c.text(x0 + p * perPoint, y - 10, Integer.toString(p), 11, Canvas.Anchor.MIDDLE, false);
        }
        for (int j = 0; j < nom.axes().size(); j++) {
            Nomogram.Axis ax = nom.axes().get(j);
            y = 120 + 50 * row++;
            String label = switch (ax.name()) {
                case "alb" -> "ALB (g/L)";
                case "tumor_multiple" -> "Tumour number";
                case "radscore_mpMRI" -> "mpMRI rad-score";
                default -> ax.name();
            };
            c.text(x0 - 15, y + 4, label, 13, Canvas.Anchor.END, false);
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (double v : ax.values()) {
                double px = x0 + nom.points(j, v) * perPoint;
                lo = Math.min(lo, px);
                hi = Math.max(hi, px);
            }
            c.line(lo, y, hi, y, "#000000", 1, false);
            double lastLabel = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < ax.values().length; k++) {
                double v = ax.values()[k];
                double px = x0 + nom.points(j, v) * perPoint;
                c.line(px, y, px, y - 6, "#000000", 1, false);
                String t = ax.binary() ? (v == 1 ? "multiple" : "single") : fmt(v);
                // labels at least 28 px apart (an axis can run in either direction); binary labels stacked
                if (ax.binary()) {
                    c.text(px, y - 10 - 12 * k, t, 11, Canvas.Anchor.MIDDLE, false);
                } else if (Math.abs(px - lastLabel) >= 28) {
                    c.text(px, y - 10, t, 11, Canvas.Anchor.MIDDLE, false);
                    lastLabel = px;
                }
            }
        }
        // total points and risk
        double maxTotal = 0;
        for (int j = 0; j < nom.axes().size(); j++) {
            double m = 0;
            for (double v : nom.axes().get(j).values()) {
                m = Math.max(m, nom.points(j, v));
            }
            maxTotal += m;
        }
        double totalMax = Math.ceil(maxTotal / 20) * 20;
        double tp = w / totalMax;
        y = 120 + 50 * row++;
        c.text(x0 - 15, y + 4, "Total points", 13, Canvas.Anchor.END, false);
        c.line(x0, y, x0 + w, y, "#000000", 1, false);
        for (double p = 0; p <= totalMax + 1e-9; p += 20) {
            c.line(x0 + p * tp, y, x0 + p * tp, y - 6, "#000000", 1, false);
            c.text(x0 + p * tp, y - 10, fmt(p), 11, Canvas.Anchor.MIDDLE, false);
        }
        y = 120 + 50 * row;
        c.text(x0 - 15, y + 4, "Risk of ER", 13, Canvas.Anchor.END, false);
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        List<double[]> ticks = new ArrayList<>();
        for (double p : new double[] {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95}) {
            double t = nom.totalForProbability(p);
            if (t >= 0 && t <= totalMax) {
                ticks.add(new double[] {x0 + t * tp, p});
                lo = Math.min(lo, x0 + t * tp);
                hi = Math.max(hi, x0 + t * tp);
            }
        }
        if (!ticks.isEmpty()) {
            c.line(lo, y, hi, y, "#000000", 1, false);
            double lastLabel = Double.NEGATIVE_INFINITY;
            for (double[] t : ticks) {
                c.line(t[0], y, t[0], y - 6, "#000000", 1, false);
                if (t[0] - lastLabel >= 28) {
                    c.text(t[0], y - 10, fmt(t[1]), 11, Canvas.Anchor.MIDDLE, false);
                    lastLabel = t[0];
                }
            }
        }
    }
}
