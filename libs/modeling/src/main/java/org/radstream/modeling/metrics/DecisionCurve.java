package org.radstream.modeling.metrics;

import java.util.ArrayList;
import java.util.List;
import org.radstream.modeling.Checks;

/**
 * Decision-curve analysis (Vickers &amp; Elkin, Med Decis Making 26:565, 2006): net benefit of treating the
 * cases whose predicted risk is ≥ the threshold probability p_t, against treating all and treating none.
 * <pre>
 * NB_model(p_t) = TP/n − FP/n · p_t/(1 − p_t)
 * NB_all(p_t)   = π − (1 − π) · p_t/(1 − p_t),   π = prevalence;   NB_none = 0
 * </pre>
 */
public final class DecisionCurve {
    private DecisionCurve() {
    }

    public record Point(double threshold, double model, double treatAll, double treatNone) {
    }

    /** Net benefit at p_t = 0.01, 0.02, …, 0.99. */
    public static List<Point> netBenefit(double[] prob, int[] y, String what) {
        Checks.sameLength(what + " probabilities", prob.length, what + " outcomes", y.length);
        Checks.binary(what + " outcome", y);
        int n = y.length;
        double events = 0;
        for (int v : y) {
            events += v;
        }
        double prevalence = events / n;
        List<Point> out = new ArrayList<>();
        for (int k = 1; k <= 99; k++) {
            double pt = k / 100.0;
            double odds = pt / (1 - pt);
            int tp = 0, fp = 0;
            for (int i = 0; i < n; i++) {
                if (prob[i] >= pt) {
                    if (y[i] == 1) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            out.add(new Point(pt, tp / (double) n - fp / (double) n * odds, prevalence - (1 - prevalence) * odds, 0));
        }
        return out;
    }
}
