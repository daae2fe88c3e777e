package org.radstream.modeling.metrics;

/** Area under the ROC curve with its DeLong 95% confidence interval and variance. */
public record Auc(double value, double ciLow, double ciHigh, double variance) {
}
