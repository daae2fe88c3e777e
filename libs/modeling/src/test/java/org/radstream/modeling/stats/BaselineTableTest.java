package org.radstream.modeling.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Table 1 rows: formatting, test choice (t / Mann–Whitney / χ² / Fisher) and missing values left out. */
class BaselineTableTest {
    @Test
    void rowsAsTheStudyPrintsThem() {
        double[] er = {60, 55, 70, 52, Double.NaN};
        double[] non = {50, 45, 58, 49, 61};
        BaselineTable t = new BaselineTable()
                .continuous("age", er, non, BaselineTable.Summary.MEAN_SD)
                .continuous("afp", er, non, BaselineTable.Summary.MEDIAN_IQR)
                .binary("tumor_multiple", new double[] {1, 0, 1, 1}, new double[] {0, 0, 1, 0, 0});
        BaselineTable.Row age = t.rows().get(0);
        // R: mean(c(60,55,70,52)) = 59.25, sd = 7.889867; mean(c(50,45,58,49,61)) = 52.6, sd = 6.655825
        assertEquals("59.25 ± 7.89", age.group1());
        assertEquals("52.60 ± 6.66", age.group0());
        assertEquals(4, age.n1());
        assertEquals("t test", age.test());
        // R: t.test(c(60,55,70,52), c(50,45,58,49,61), var.equal = TRUE)$p.value = 0.2115803
        assertEquals(0.2115803, age.pValue(), 5e-8);
        // R: quantile(c(60,55,70,52), c(.5,.25,.75)) = 57.5, 54.25, 62.5
        assertEquals("57.50 [54.25, 62.50]", t.rows().get(1).group1());
        BaselineTable.Row m = t.rows().get(2);
        assertEquals("3 (75.0%)", m.group1());
        assertEquals("1 (20.0%)", m.group0());
        assertEquals("Fisher exact", m.test()); // expected counts below 5
        assertEquals("<0.001", BaselineTable.formatP(0.0004));
    }
}
