package org.radstream.modeling.regression;

/** η = β₀ + Σ β_j x_j and the logistic function; one place so training and scoring round identically. */
public final class LinearPredictor {
    private LinearPredictor() {
    }

    /** @param beta intercept first, then one coefficient per column of x */
    public static double eta(double[] beta, double[] x) {
        if (beta.length != x.length + 1) {
            throw new IllegalArgumentException("have " + beta.length + " coefficients for " + x.length + " predictors");
        }
        double s = beta[0];
        for (int j = 0; j < x.length; j++) {
            s += beta[j + 1] * x[j];
        }
        return s;
    }

    /** 1/(1 + e^{−η}). */
    public static double logistic(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }
}
