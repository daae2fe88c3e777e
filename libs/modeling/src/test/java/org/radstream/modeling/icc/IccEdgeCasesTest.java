package org.radstream.modeling.icc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * ICC where the residual mean square is zero, as happens for features that both readers' ROIs give the same
 * value. psych::ICC answers these from round-off-sized mean squares; we take the limits. Expected values
 * from {@code Rscript libs/modeling/src/test/r/icc_edge_cases.R} (R 4.2, psych, lmer = FALSE).
 */
class IccEdgeCasesTest {
    private static final double TOL = 1e-6;

    @Test
    void identicalReadersGiveOneWithDegenerateInterval() {
        // psych::ICC(cbind(1:5, 1:5)): ICC1 = ICC2 = ICC3 = 1, lower = upper = 1
        Icc icc = Icc.twoReaders(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5});
        for (IccForm form : IccForm.values()) {
            IccResult r = icc.compute(form);
            assertEquals(1.0, r.icc(), TOL, form.toString());
            assertEquals(1.0, r.ciLow(), TOL, form + " lower");
            assertEquals(1.0, r.ciHigh(), TOL, form + " upper");
            assertEquals(0.0, r.pValue(), TOL, form + " p");
        }
    }

    @Test
    void constantOffsetBetweenReaders() {
        // psych::ICC(cbind(1:5, 2:6)):
        //   ICC1 0.8181818 [0.150226099, 0.9788683]; ICC2 0.8333333 [0.005527407, 0.9838942]; ICC3 1 [1, 1]
        Icc icc = Icc.twoReaders(new double[] {1, 2, 3, 4, 5}, new double[] {2, 3, 4, 5, 6});
        IccResult icc1 = icc.compute(IccForm.ICC1_1);
        assertEquals(0.8181818, icc1.icc(), TOL);
        assertEquals(0.150226099, icc1.ciLow(), TOL);
        assertEquals(0.9788683, icc1.ciHigh(), TOL);
        IccResult icc2 = icc.compute(IccForm.ICC2_1);
        assertEquals(0.8333333, icc2.icc(), TOL);
        assertEquals(0.005527407, icc2.ciLow(), TOL);
        assertEquals(0.9838942, icc2.ciHigh(), TOL);
        IccResult icc3 = icc.compute(IccForm.ICC3_1);
        assertEquals(1.0, icc3.icc(), TOL);
        assertEquals(1.0, icc3.ciLow(), TOL);
        assertEquals(1.0, icc3.ciHigh(), TOL);
    }

    @Test
    void constantFeatureIsUndefinedNotAnError() {
        // psych::ICC(cbind(rep(2,5), rep(2,5))): every form NaN (ICC, F, p, bounds)
        Icc icc = Icc.twoReaders(new double[] {2, 2, 2, 2, 2}, new double[] {2, 2, 2, 2, 2});
        for (IccForm form : IccForm.values()) {
            IccResult r = icc.compute(form);
            assertTrue(Double.isNaN(r.icc()), form.toString());
            assertTrue(Double.isNaN(r.ciLow()) && Double.isNaN(r.ciHigh()), form + " bounds");
        }
    }
}
