package org.radstream.modeling.stats;

/** Result of a hypothesis test: the statistic and its two-sided p-value. */
public record TestResult(double statistic, double pValue) {
    /** True when the test rejects at level {@code alpha}. */
    public boolean significant(double alpha) {
        return pValue < alpha;
    }
}
