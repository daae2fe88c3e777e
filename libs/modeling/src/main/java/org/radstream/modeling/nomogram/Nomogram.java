package org.radstream.modeling.nomogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.regression.LinearPredictor;
import org.radstream.modeling.regression.LogisticFit;

/**
 * A points nomogram for a logistic model, scaled as rms::nomogram (Harrell, rms 6.5) draws it.
 * <pre>
 * axis_j: continuous → R's pretty(c(min, max), 10) of the training values; binary (0/1) → {0, 1}
 * c_j(x) = β_j x,   m_j = min over axis_j of c_j,   w_j = max over axis_j of c_j − m_j
 * scale = 100 / max_j w_j                  (the widest predictor spans 0–100 points)
 * points_j(x) = (β_j x − m_j) · scale,     total = Σ_j points_j
 * η = β₀ + Σ_j m_j + total / scale,        risk = 1/(1 + e^{−η})
 * </pre>
 * Values outside the axis give points outside 0–100 (linear extrapolation), as the model does.
 */
public final class Nomogram {
    /** One predictor's axis. {@code binary} axes have values {0, 1}. */
    public record Axis(String name, double coefficient, boolean binary, double[] values, double minContribution) {
        public double contributionRange() {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                max = Math.max(max, coefficient * v);
            }
            return max - minContribution;
        }
    }

    /** Per-case points. */
    public record CasePoints(Map<String, Double> points, double total, double linearPredictor, double probability) {
    }

    private final double intercept;
    private final List<Axis> axes;
    private final double scale;

    public Nomogram(double intercept, List<Axis> axes) {
        this.intercept = intercept;
        this.axes = List.copyOf(axes);
        double widest = 0;
        for (Axis a : axes) {
            widest = Math.max(widest, a.contributionRange());
        }
        if (!(widest > 0)) {
            throw new ModelingException("nomogram: every predictor has a zero coefficient or a single value");
        }
        this.scale = 100 / widest;
    }

    /**
     * @param fit      logistic model, coefficients in the order of {@code columns}
     * @param columns  training values per predictor (column j = predictor j of the fit)
     * @param binary   per predictor, whether it is a 0/1 indicator
     */
    public static Nomogram build(LogisticFit fit, List<double[]> columns, List<Boolean> binary) {
        double[] beta = fit.estimates();
        if (columns.size() != beta.length - 1) {
            throw new ModelingException("nomogram: " + columns.size() + " predictors for " + (beta.length - 1) + " coefficients");
        }
        List<Axis> axes = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            double[] x = columns.get(j);
            double[] values;
            if (binary.get(j)) {
                values = new double[] {0, 1};
            } else {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (double v : x) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                values = Pretty.pretty(lo, hi, 10);
            }
            double b = beta[j + 1];
            double min = Double.POSITIVE_INFINITY;
            for (double v : values) {
                min = Math.min(min, b * v);
            }
            axes.add(new Axis(fit.coefficients().get(j + 1).name(), b, binary.get(j), values, min));
        }
        return new Nomogram(beta[0], axes);
    }

    public List<Axis> axes() {
        return axes;
    }

    public double intercept() {
        return intercept;
    }

    /** Points per unit of the linear predictor. */
    public double scale() {
        return scale;
    }

    /** η at zero total points: β₀ + Σ m_j. */
    public double linearPredictorAtZero() {
        double s = intercept;
        for (Axis a : axes) {
            s += a.minContribution();
        }
        return s;
    }

    public double points(int axis, double x) {
        Axis a = axes.get(axis);
        return (a.coefficient() * x - a.minContribution()) * scale;
    }

    public double probabilityForTotal(double total) {
        return LinearPredictor.logistic(linearPredictorAtZero() + total / scale);
    }

    /** Total points at which the risk equals p. */
    public double totalForProbability(double p) {
        return (Math.log(p / (1 - p)) - linearPredictorAtZero()) * scale;
    }

    public CasePoints score(double[] x) {
        if (x.length != axes.size()) {
            throw new ModelingException("nomogram: " + x.length + " values for " + axes.size() + " predictors");
        }
        Map<String, Double> pts = new LinkedHashMap<>();
        double total = 0;
        for (int j = 0; j < x.length; j++) {
            double p = points(j, x[j]);
            pts.put(axes.get(j).name(), p);
            total += p;
        }
        double eta = linearPredictorAtZero() + total / scale;
        return new CasePoints(pts, total, eta, LinearPredictor.logistic(eta));
    }
}
