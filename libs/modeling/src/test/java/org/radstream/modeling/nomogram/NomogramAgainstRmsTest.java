package org.radstream.modeling.nomogram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.radstream.modeling.Fixtures.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radstream.modeling.Fixtures;
import org.radstream.modeling.regression.LogisticFit;
import org.radstream.modeling.regression.LogisticRegression;

/**
 * Nomogram points against rms::nomogram (src/test/r/nomogram.R): axis values, points per axis value and the
 * total-points → risk scale to the 0.5 points; coefficients (lrm = glm) to 1e-6.
 */
class NomogramAgainstRmsTest {
    @Test
    void pointsMatchRms() {
        int n = 0;
        for (JsonNode c : Fixtures.load("nomogram.json")) {
            String call = c.get("call").asText();
            double[] alb = Fixtures.doubles(c.get("alb")), rs = Fixtures.doubles(c.get("radscore"));
            int[] mult = Fixtures.ints(c.get("multiple"));
            double[][] x = new double[alb.length][];
            double[] m = new double[alb.length];
            for (int i = 0; i < alb.length; i++) {
                m[i] = mult[i];
                x[i] = new double[] {alb[i], m[i], rs[i]};
            }
            LogisticFit fit = LogisticRegression.fit(x, Fixtures.ints(c.get("y")), List.of("alb", "tumor_multiple", "radscore"), "fixture");
            double[] coef = Fixtures.doubles(c.get("coef"));
            for (int j = 0; j < coef.length; j++) {
                close(call, "coef " + j, coef[j], fit.estimates()[j], 1e-6);
            }
            Nomogram nom = Nomogram.build(fit, List.of(alb, m, rs), List.of(false, true, false));
            double[] albX = Fixtures.doubles(c.get("alb_x"));
            assertArrayEquals(albX, nom.axes().get(0).values(), 1e-12, "alb axis of " + call);
            double[] rsX = Fixtures.doubles(c.get("radscore_x"));
            assertArrayEquals(rsX, nom.axes().get(2).values(), 1e-12, "radscore axis of " + call);
            for (int k = 0; k < albX.length; k++) {
                close(call, "alb points at " + albX[k], c.get("alb_points").get(k).asDouble(), nom.points(0, albX[k]), 0.5);
            }
            for (int k = 0; k < rsX.length; k++) {
                close(call, "radscore points at " + rsX[k], c.get("radscore_points").get(k).asDouble(), nom.points(2, rsX[k]), 0.5);
            }
            for (int k = 0; k < 2; k++) {
                double level = c.get("tumor_x").get(k).asText().equals("multiple") ? 1 : 0;
                close(call, "tumour points " + c.get("tumor_x").get(k).asText(), c.get("tumor_points").get(k).asDouble(),
                        nom.points(1, level), 0.5);
            }
            double[] rp = Fixtures.doubles(c.get("risk_points")), pr = Fixtures.doubles(c.get("risk_prob"));
            for (int k = 0; k < rp.length; k++) {
                close(call, "total points at risk " + pr[k], rp[k], nom.totalForProbability(pr[k]), 0.5);
            }
            // per-case total reproduces the model's probability
            for (int i = 0; i < alb.length; i++) {
                close(call, "case " + i + " probability", LinearPredictorCheck.prob(fit, x[i]), nom.score(x[i]).probability(), 1e-12);
            }
            n++;
        }
        assertEquals(2, n);
    }

    @Test
    void prettyMatchesR() {
        // R: pretty(c(26.4, 50.2), 10); pretty(c(-2.896, 3.311), 10); pretty(c(0.013, 0.0981), 10); pretty(c(5, 5), 10)
        assertArrayEquals(new double[] {26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52}, Pretty.pretty(26.4, 50.2, 10), 1e-12);
        assertArrayEquals(new double[] {-3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5}, Pretty.pretty(-2.896, 3.311, 10), 1e-12);
        assertArrayEquals(new double[] {0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1}, Pretty.pretty(0.013, 0.0981, 10), 1e-12);
        assertArrayEquals(new double[] {3, 4, 5, 6}, Pretty.pretty(5, 5, 10), 1e-12);
    }

    /** The plain logistic probability, for comparison. */
    static final class LinearPredictorCheck {
        static double prob(LogisticFit fit, double[] x) {
            return org.radstream.modeling.regression.LinearPredictor.logistic(fit.linearPredictor(x));
        }
    }
}
