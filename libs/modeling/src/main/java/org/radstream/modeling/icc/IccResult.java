package org.radstream.modeling.icc;

/** One intraclass correlation with its F test and 95% confidence interval. */
public record IccResult(IccForm form, double icc, double f, double df1, double df2, double pValue,
                        double ciLow, double ciHigh) {
}
