package org.radstream.modeling.regression;

import java.util.List;

/**
 * A fitted logistic regression; the first coefficient is the intercept, named "(Intercept)" as in R.
 * The linear predictor of a row is β₀ + Σ β_j x_j; the probability is 1/(1 + e^{−η}).
 */
public record LogisticFit(List<Coefficient> coefficients, double deviance, double nullDeviance, double aic,
                          int iterations) {
    public static final String INTERCEPT = "(Intercept)";

    public LogisticFit {
        coefficients = List.copyOf(coefficients);
    }

    public double[] estimates() {
        return coefficients.stream().mapToDouble(Coefficient::estimate).toArray();
    }

    /** η = β₀ + Σ β_j x_j, summed in coefficient order (the artifact scorer uses the same order). */
    public double linearPredictor(double[] x) {
        return LinearPredictor.eta(estimates(), x);
    }

    public Coefficient coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient " + name));
    }
}
