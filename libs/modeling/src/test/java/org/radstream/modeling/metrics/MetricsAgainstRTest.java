package org.radstream.modeling.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.radstream.modeling.Fixtures.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radstream.modeling.Fixtures;
import org.radstream.modeling.stats.TestResult;

/**
 * AUC + DeLong CI and DeLong's paired test against pROC 1.18, Youden threshold against pROC coords, Brier and
 * calibration intercept/slope against rms::val.prob, Hosmer–Lemeshow against its definition in R
 * (src/test/r/proc.R). Tolerance 1e-6 (the issue's), 1e-9 for the threshold.
 */
class MetricsAgainstRTest {
    private static final double TOL = 1e-6;

    @Test
    void matchesPRocAndRms() {
        int n = 0;
        for (JsonNode c : Fixtures.load("proc.json")) {
            int[] y = Fixtures.ints(c.get("y"));
            double[] s1 = Fixtures.doubles(c.get("s1")), s2 = Fixtures.doubles(c.get("s2"));
            String call = c.get("auc_call").asText();
            Auc a1 = DeLong.auc(s1, y, "s1"), a2 = DeLong.auc(s2, y, "s2");
            close(call, "auc s1", c.get("auc1").asDouble(), a1.value(), TOL);
            close(call, "ci low s1", c.get("lo1").asDouble(), a1.ciLow(), TOL);
            close(call, "ci high s1", c.get("hi1").asDouble(), a1.ciHigh(), TOL);
            close(call, "auc s2", c.get("auc2").asDouble(), a2.value(), TOL);
            close(call, "ci low s2", c.get("lo2").asDouble(), a2.ciLow(), TOL);
            close(call, "ci high s2", c.get("hi2").asDouble(), a2.ciHigh(), TOL);
            TestResult t = DeLong.compare(s1, s2, y, "test");
            close(c.get("test_call").asText(), "Z", c.get("z").asDouble(), t.statistic(), TOL);
            close(c.get("test_call").asText(), "p", c.get("p").asDouble(), t.pValue(), TOL);
            double thr = Classification.youdenThreshold(s1, y, "s1");
            String yc = c.get("youden_call").asText();
            close(yc, "threshold", c.get("threshold").asDouble(), thr, 1e-9);
            Classification.Performance perf = Classification.at(s1, y, thr);
            close(yc, "sensitivity", c.get("sensitivity").asDouble(), perf.sensitivity(), 1e-12);
            close(yc, "specificity", c.get("specificity").asDouble(), perf.specificity(), 1e-12);
            Calibration.Result cal = Calibration.evaluate(Fixtures.doubles(c.get("prob")), y, 10, "fixture");
            String vc = c.get("valprob_call").asText();
            close(vc, "Brier", c.get("brier").asDouble(), cal.brier(), TOL);
            close(vc, "Intercept", c.get("intercept").asDouble(), cal.intercept(), TOL);
            close(vc, "Slope", c.get("slope").asDouble(), cal.slope(), TOL);
            String hc = c.get("hl_call").asText();
            close(hc, "HL chi2", c.get("hl").get("statistic").asDouble(), cal.hosmerLemeshow().statistic(), TOL);
            close(hc, "HL p", c.get("hl").get("p").asDouble(), cal.hosmerLemeshow().pValue(), TOL);
            n++;
        }
        assertEquals(3, n);
    }

    @Test
    void decisionCurveReferenceLines() {
        double[] p = {0.1, 0.2, 0.8, 0.9};
        int[] y = {0, 1, 1, 1};
        List<DecisionCurve.Point> dc = DecisionCurve.netBenefit(p, y, "toy");
        assertEquals(99, dc.size());
        DecisionCurve.Point at50 = dc.get(49);
        // p_t = 0.5: treated = {0.8, 0.9} both events -> NB = 2/4; treat all = 0.75 - 0.25 * 1
        close("hand computed", "NB model", 0.5, at50.model(), 1e-12);
        close("hand computed", "NB all", 0.5, at50.treatAll(), 1e-12);
        // p_t = 0.15: treated = {0.2, 0.8, 0.9}, 3 events -> 3/4
        close("hand computed", "NB model at 0.15", 0.75, dc.get(14).model(), 1e-12);
    }
}
