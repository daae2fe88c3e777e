package org.radstream.modeling.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.radstream.modeling.Fixtures.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radstream.modeling.Fixtures;
import org.radstream.modeling.ModelingException;

/** IRLS logistic regression against R glm (src/test/r/glm.R): coefficients, SE, p, OR and Wald CI to 1e-6. */
class LogisticRegressionAgainstRTest {
    private static final double TOL = 1e-6;

    @Test
    void matchesGlm() {
        int n = 0;
        for (JsonNode c : Fixtures.load("glm.json")) {
            String call = c.get("call").asText();
            double[][] x = Fixtures.matrix(c.get("x"));
            List<String> names = new ArrayList<>();
            for (int j = 0; j < x[0].length; j++) {
                names.add("X" + (j + 1));
            }
            LogisticFit fit = LogisticRegression.fit(x, Fixtures.ints(c.get("y")), names, "fixture");
            for (int j = 0; j <= names.size(); j++) {
                Coefficient co = fit.coefficients().get(j);
                close(call, co.name() + " coef", c.get("coef").get(j).asDouble(), co.estimate(), TOL);
                close(call, co.name() + " se", c.get("se").get(j).asDouble(), co.standardError(), TOL);
                close(call, co.name() + " z", c.get("z").get(j).asDouble(), co.z(), TOL);
                close(call, co.name() + " p", c.get("p").get(j).asDouble(), co.pValue(), TOL);
                double or = c.get("or").get(j).asDouble();
                // OR and CI compared relative to their size (OR of an intercept can be large)
                close(call, co.name() + " OR", 1, co.oddsRatio() / or, TOL);
                close(call, co.name() + " OR low", 1, co.orCiLow() / c.get("or_low").get(j).asDouble(), TOL);
                close(call, co.name() + " OR high", 1, co.orCiHigh() / c.get("or_high").get(j).asDouble(), TOL);
            }
            close(call, "deviance", c.get("deviance").asDouble(), fit.deviance(), TOL);
            close(call, "null deviance", c.get("null_deviance").asDouble(), fit.nullDeviance(), TOL);
            close(call, "AIC", c.get("aic").asDouble(), fit.aic(), TOL);
            n++;
        }
        assertEquals(3, n);
    }

    @Test
    void separationIsAClearError() {
        double[][] x = {{1}, {2}, {3}, {4}, {5}, {6}};
        int[] y = {0, 0, 0, 1, 1, 1};
        ModelingException e = assertThrows(ModelingException.class,
                () -> LogisticRegression.fit(x, y, List.of("alb"), "toy cohort"));
        assertTrue(e.getMessage().contains("separation"), e.getMessage());
        assertTrue(e.getMessage().contains("toy cohort"), e.getMessage());
    }

    @Test
    void collinearPredictorsAreNamed() {
        double[][] x = {{1, 2}, {2, 4}, {3, 6.0}, {4, 8}, {5, 10}, {6, 12}, {7, 14}, {8, 16}};
        int[] y = {0, 1, 1, 0, 1, 0, 0, 1};
        ModelingException e = assertThrows(ModelingException.class,
                () -> LogisticRegression.fit(x, y, List.of("a", "b"), "toy"));
        assertTrue(e.getMessage().contains("collinear") && e.getMessage().contains("aliased: "), e.getMessage());
    }

    @Test
    void oneClassIsAClearError() {
        double[][] x = {{1}, {2}, {3}, {4}};
        ModelingException e = assertThrows(ModelingException.class,
                () -> LogisticRegression.fit(x, new int[] {1, 1, 1, 1}, List.of("a"), "validation cohort"));
        assertTrue(e.getMessage().contains("only one class"), e.getMessage());
    }
}
