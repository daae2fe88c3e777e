package org.radstream.modeling.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.radstream.modeling.Checks;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.regression.LogisticFit;
import org.radstream.modeling.regression.LogisticRegression;

/**
 * Calibration of predicted probabilities against observed outcomes.
 * <ul>
 * <li>Bins: g groups cut at the type-7 quantiles of the predictions (intervals (q_{k−1}, q_k], the first closed,
 *     as R's {@code cut(p, quantile(p, seq(0, 1, 1/g)), include.lowest = TRUE)}); per bin n, mean prediction,
 *     observed event rate. Duplicate cut points are merged, so fewer than g bins can result.</li>
 * <li>Hosmer–Lemeshow: C = Σ_bins Σ_{class} (O − E)²/E over both classes, df = g − 2 (ResourceSelection::hoslem.test).</li>
 * <li>Brier score: (1/n) Σ (p_i − y_i)².</li>
 * <li>Intercept and slope: the logistic regression y ~ a + b·logit(p) (rms::val.prob's "Intercept", "Slope");
 *     perfect calibration is a = 0, b = 1. When the predictions separate the outcomes that model has no MLE;
 *     intercept and slope are then NaN and {@code note} says why.</li>
 * <li>Smoothed curve: lowess of y on p (Cleveland 1979, span 2/3, no robustness iterations, as val.prob's
 *     lowess(p, y, iter = 0)), evaluated at the distinct predictions.</li>
 * </ul>
 */
public final class Calibration {
    private Calibration() {
    }

    public record Bin(int n, double meanPredicted, double observedRate) {
    }

    public record HosmerLemeshow(double statistic, int df, double pValue) {
    }

    public record Point(double predicted, double observed) {
    }

    /** {@code note} explains a NaN intercept/slope (the recalibration model cannot be fitted), else empty. */
    public record Result(List<Bin> bins, HosmerLemeshow hosmerLemeshow, double brier, double intercept,
                         double slope, List<Point> smooth, String note) {
    }

    /** How close to 0 or 1 a saturated probability is kept (its logit is then about ±34.5). */
    static final double SATURATION = 1e-15;

    /**
     * @param prob predicted probabilities in [0, 1]; exactly 0 or 1 (saturated) is evaluated as {@link #SATURATION}
     *             from the bound
     */
    public static Result evaluate(double[] prob, int[] y, int groups, String what) {
        Checks.sameLength(what + " probabilities", prob.length, what + " outcomes", y.length);
        Checks.bothClasses(what + " outcome", y);
        prob = prob.clone();
        for (int i = 0; i < prob.length; i++) {
            if (!(prob[i] >= 0 && prob[i] <= 1)) {
                throw new ModelingException(what + ": predicted probability " + i + " is " + prob[i] + "; must be in [0, 1]");
            }
            // a linear predictor beyond about ±36.7 rounds to exactly 0 or 1 in double precision (a near-separated
            // case); keep it just inside so the logit stays finite rather than failing the whole evaluation
            prob[i] = Math.min(Math.max(prob[i], SATURATION), 1 - SATURATION);
        }
        List<Bin> bins = bins(prob, y, groups);
        double hl = 0;
        for (Bin b : bins) {
            double e1 = b.meanPredicted() * b.n(), o1 = b.observedRate() * b.n();
            double e0 = b.n() - e1, o0 = b.n() - o1;
            hl += (o1 - e1) * (o1 - e1) / e1 + (o0 - e0) * (o0 - e0) / e0;
        }
        int df = groups - 2;
        HosmerLemeshow h = new HosmerLemeshow(hl, df, Gamma.regularizedGammaQ(df / 2.0, hl / 2));
        double brier = 0;
        double[][] logit = new double[prob.length][1];
        for (int i = 0; i < prob.length; i++) {
            brier += (prob[i] - y[i]) * (prob[i] - y[i]);
            logit[i][0] = Math.log(prob[i] / (1 - prob[i]));
        }
        brier /= prob.length;
        double intercept = Double.NaN, slope = Double.NaN;
        String note = "";
        try {
            LogisticFit fit = LogisticRegression.fit(logit, y, List.of("logit(p)"), what + " calibration");
            intercept = fit.estimates()[0];
            slope = fit.estimates()[1];
        } catch (ModelingException e) {
            // the predictions separate the outcomes (typical of an over-fitted score on its own training cohort):
            // the recalibration slope is infinite, reported as undefined with the reason
            note = "calibration intercept and slope undefined: " + e.getMessage();
        }
        return new Result(bins, h, brier, intercept, slope, lowess(prob, y), note);
    }

    static List<Bin> bins(double[] prob, int[] y, int groups) {
        double[] s = prob.clone();
        Arrays.sort(s);
        double[] cuts = new double[groups + 1];
        for (int k = 0; k <= groups; k++) {
            cuts[k] = Quantiles.sorted(s, k / (double) groups);
        }
        cuts = Arrays.stream(cuts).distinct().toArray();
        List<Bin> out = new ArrayList<>();
        for (int k = 1; k < cuts.length; k++) {
            int n = 0;
            double sp = 0, sy = 0;
            for (int i = 0; i < prob.length; i++) {
                boolean in = (prob[i] > cuts[k - 1] || (k == 1 && prob[i] >= cuts[0])) && prob[i] <= cuts[k];
                if (in) {
                    n++;
                    sp += prob[i];
                    sy += y[i];
                }
            }
            if (n > 0) {
                out.add(new Bin(n, sp / n, sy / n));
            }
        }
        return out;
    }

    /** Local linear fit with tricube weights over the ⌈2n/3⌉ nearest points, at each distinct x. */
    static List<Point> lowess(double[] x, int[] y) {
        int n = x.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> x[i]));
        int span = Math.max(2, (int) Math.ceil(2.0 * n / 3));
        List<Point> out = new ArrayList<>();
        double prev = Double.NaN;
        for (int a = 0; a < n; a++) {
            double x0 = x[idx[a]];
            if (x0 == prev) {
                continue;
            }
            prev = x0;
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = Math.abs(x[i] - x0);
            }
            double[] ds = d.clone();
            Arrays.sort(ds);
            double h = Math.max(ds[span - 1], 1e-12);
            double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
            for (int i = 0; i < n; i++) {
                double u = d[i] / h;
                if (u >= 1) {
                    continue;
                }
                double w = Math.pow(1 - u * u * u, 3);
                sw += w;
                swx += w * x[i];
                swy += w * y[i];
                swxx += w * x[i] * x[i];
                swxy += w * x[i] * y[i];
            }
            double mx = swx / sw, my = swy / sw;
            double vx = swxx / sw - mx * mx;
            double fitted = vx > 1e-12 ? my + (swxy / sw - mx * my) / vx * (x0 - mx) : my;
            out.add(new Point(x0, Math.min(1, Math.max(0, fitted))));
        }
        return out;
    }
}
