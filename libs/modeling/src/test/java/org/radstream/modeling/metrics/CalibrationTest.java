package org.radstream.modeling.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radstream.modeling.ModelingException;

class CalibrationTest {

    private static final int[] Y = {0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0};
    private static final double[] P = {0.1, 0.2, 0.3, 0.7, 0.8, 0.6, 0.4, 0.9, 0.35, 0.65, 0.75, 0.15};

    @Test
    void aSaturatedProbabilityIsEvaluatedJustInsideTheBoundInsteadOfFailing() {
        double[] saturated = P.clone();
        saturated[7] = 1.0; // e.g. 1 / (1 + exp(-40)) in double precision
        saturated[0] = 0.0;
        Calibration.Result r = Calibration.evaluate(saturated, Y, 4, "test");
        assertTrue(Double.isFinite(r.slope()) && Double.isFinite(r.intercept()), r.toString());
        double[] inside = P.clone();
        inside[7] = 1 - Calibration.SATURATION;
        inside[0] = Calibration.SATURATION;
        Calibration.Result same = Calibration.evaluate(inside, Y, 4, "test");
        assertEquals(same.slope(), r.slope(), 0);
        assertEquals(same.brier(), r.brier(), 0);
        assertEquals(1.0, saturated[7], 0, "the caller's array is not changed");
    }

    @Test
    void aProbabilityOutsideTheUnitIntervalOrNaNIsRefusedWithItsIndex() {
        double[] bad = P.clone();
        bad[3] = Double.NaN;
        ModelingException e = assertThrows(ModelingException.class, () -> Calibration.evaluate(bad, Y, 4, "validation"));
        assertTrue(e.getMessage().contains("validation: predicted probability 3 is NaN"), e.getMessage());
        bad[3] = 1.5;
        assertThrows(ModelingException.class, () -> Calibration.evaluate(bad, Y, 4, "validation"));
    }
}
