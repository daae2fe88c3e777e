package org.radstream.modeling.stats;

import static org.radstream.modeling.Fixtures.close;
import static org.radstream.modeling.Fixtures.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radstream.modeling.Fixtures;

/**
 * t, ANOVA, Mann–Whitney, χ² and Fisher against R 4.2 (fixture from src/test/r/stats_tests.R; each case
 * carries its R call, printed on failure). Tolerance 1e-9 on statistics and p: both sides use the same
 * closed forms, so only floating-point noise separates them.
 */
class StatsAgainstRTest {
    private static final double TOL = 1e-9;

    @Test
    void everyCaseMatchesR() {
        int checked = 0;
        for (JsonNode c : Fixtures.load("stats_tests.json")) {
            String call = c.get("call").asText();
            String kind = c.get("kind").asText();
            switch (kind) {
                case "student", "welch" -> {
                    TTest.Result r = TTest.test(doubles(c.get("x")), doubles(c.get("y")),
                            kind.equals("student") ? TTest.Variances.EQUAL : TTest.Variances.UNEQUAL);
                    close(call, "t", c.get("statistic").asDouble(), r.statistic(), TOL);
                    close(call, "df", c.get("df").asDouble(), r.df(), TOL);
                    close(call, "p", c.get("p").asDouble(), r.pValue(), TOL);
                }
                case "anova" -> {
                    List<double[]> g = new ArrayList<>();
                    c.get("groups").forEach(n -> g.add(doubles(n)));
                    OneWayAnova.Result r = OneWayAnova.test(g);
                    close(call, "F", c.get("statistic").asDouble(), r.statistic(), TOL);
                    close(call, "p", c.get("p").asDouble(), r.pValue(), TOL);
                    close(call, "df2", c.get("df2").asDouble(), r.df2(), 0);
                }
                case "mannwhitney" -> {
                    TestResult r = MannWhitneyU.test(doubles(c.get("x")), doubles(c.get("y")));
                    close(call, "W", c.get("statistic").asDouble(), r.statistic(), TOL);
                    close(call, "p", c.get("p").asDouble(), r.pValue(), TOL);
                }
                case "chisq" -> {
                    ChiSquareTest.Result r = ChiSquareTest.test(Fixtures.table(c.get("table")));
                    close(call, "X-squared", c.get("statistic").asDouble(), r.statistic(), TOL);
                    close(call, "p", c.get("p").asDouble(), r.pValue(), TOL);
                }
                case "fisher" -> close(call, "p", c.get("p").asDouble(),
                        FisherExactTest.test(Fixtures.table(c.get("table"))).pValue(), TOL);
                default -> throw new AssertionError("unknown fixture kind " + kind);
            }
            checked++;
        }
        org.junit.jupiter.api.Assertions.assertEquals(13, checked, "fixture cases");
    }
}
