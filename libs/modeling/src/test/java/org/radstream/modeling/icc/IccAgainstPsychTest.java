package org.radstream.modeling.icc;

import static org.radstream.modeling.Fixtures.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;
import org.radstream.modeling.Fixtures;
import org.radstream.modeling.ModelingException;

/** ICC(1,1), ICC(2,1), ICC(3,1) with F, p and 95% CI against psych::ICC (src/test/r/icc.R), tolerance 1e-6. */
class IccAgainstPsychTest {
    private static final double TOL = 1e-6;

    @Test
    void formsAndIntervalsMatchPsych() {
        int n = 0;
        for (JsonNode c : Fixtures.load("icc.json")) {
            String call = c.get("call").asText();
            Map<IccForm, IccResult> ours = new Icc(Fixtures.matrix(c.get("ratings"))).all();
            for (IccForm f : IccForm.values()) {
                JsonNode r = c.get("results").get(switch (f) {
                    case ICC1_1 -> "ICC1";
                    case ICC2_1 -> "ICC2";
                    case ICC3_1 -> "ICC3";
                });
                IccResult o = ours.get(f);
                close(call, f + " icc", r.get("icc").asDouble(), o.icc(), TOL);
                close(call, f + " F", r.get("F").asDouble(), o.f(), TOL);
                close(call, f + " p", r.get("p").asDouble(), o.pValue(), TOL);
                close(call, f + " lower", r.get("lower").asDouble(), o.ciLow(), TOL);
                close(call, f + " upper", r.get("upper").asDouble(), o.ciHigh(), TOL);
                n++;
            }
        }
        Assertions.assertEquals(15, n);
    }

    @Test
    void gateKeepsFeaturesAboveThreshold() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] good = {1.1, 2.0, 2.9, 4.2, 5.0, 6.1, 6.9, 8.1};
        double[] bad = {5, 1, 7, 2, 8, 3, 6, 4};
        ReproducibilityGate gate = new ReproducibilityGate(ReproducibilityGate.Settings.DEFAULT);
        var r = gate.evaluate(Map.of("good", a, "bad", a), Map.of("good", good, "bad", bad));
        Assertions.assertTrue(r.get("good").kept());
        Assertions.assertFalse(r.get("bad").kept());
        var strict = new ReproducibilityGate(ReproducibilityGate.Settings.DEFAULT.withThreshold(0.9999))
                .evaluate(Map.of("good", a), Map.of("good", good));
        Assertions.assertFalse(strict.get("good").kept());
    }

    @Test
    void unpairedReadersAreRejected() {
        Assertions.assertThrows(ModelingException.class, () -> Icc.twoReaders(new double[] {1, 2}, new double[] {1}));
        Assertions.assertThrows(ModelingException.class, () -> new Icc(new double[][] {{1, Double.NaN}, {2, 3}}));
    }
}
