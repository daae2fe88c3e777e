package org.radstream.modeling.regression;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.radstream.modeling.Checks;
import org.radstream.modeling.ModelingException;

/**
 * Maximum-likelihood logistic regression by iteratively reweighted least squares (Newton–Raphson),
 * equal to R's {@code glm(y ~ ., family = binomial)}.
 * <pre>
 * ℓ(β) = Σ y_i η_i − log(1 + e^{η_i}),  η = Xβ (X with a leading column of ones)
 * β ← (XᵀWX)⁻¹ XᵀWz,  W = diag(μ_i(1 − μ_i)),  z = η + (y − μ)/W     (IRLS = Newton–Raphson)
 * stop when |D − D_old|/(|D| + 0.1) &lt; 1e-8 (D the deviance), at most 25 iterations, start μ = (y + ½)/2
 * SE = √diag((XᵀWX)⁻¹) of the last iteration,  z = β/SE,  p = 2Φ(−|z|)
 * </pre>
 * This is R's glm.fit iteration with glm.control() defaults, step for step, so coefficients and standard
 * errors agree with R's default glm output to rounding, not only to the convergence tolerance.
 * Instead of R's NA coefficients and warnings, two failure modes are reported as {@link ModelingException}:
 * aliased (collinear or constant) predictors, detected by Gram–Schmidt on X before fitting; and complete or
 * quasi-complete separation, detected when the iteration does not converge in 25 steps or a fitted
 * probability is numerically 0 or 1 (within 10 machine epsilons, where R's glm warns "fitted probabilities
 * numerically 0 or 1 occurred"): the MLE does not exist and the coefficients diverge.
 */
public final class LogisticRegression {
    /** R's glm.control defaults. */
    private static final int MAX_ITER = 25;
    private static final double EPSILON = 1e-8;
    /** R's glm warns "fitted probabilities numerically 0 or 1" below 10 machine epsilons. */
    private static final double SEPARATION_EPS = 10 * Math.ulp(1.0);
    private static final double Z975 = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.975);

    private LogisticRegression() {
    }

    /**
     * @param x     x[case][predictor] (no intercept column)
     * @param y     0/1 outcome
     * @param names predictor names, for the result and error messages
     * @param what  the data set being fitted, for error messages (e.g. "mpMRI training cohort")
     */
    public static LogisticFit fit(double[][] x, int[] y, List<String> names, String what) {
        int n = y.length;
        Checks.sameLength(what + " predictors", x.length, what + " outcomes", n);
        Checks.bothClasses(what + " outcome", y);
        int p = names.size() + 1;
        if (n <= p) {
            throw new ModelingException(what + ": " + n + " cases cannot fit " + p + " coefficients");
        }
        double[][] xd = new double[n][p];
        for (int i = 0; i < n; i++) {
            if (x[i].length != p - 1) {
                throw new ModelingException(what + ": case " + i + " has " + x[i].length + " predictors, expected " + (p - 1));
            }
            xd[i][0] = 1;
            for (int j = 1; j < p; j++) {
                double v = x[i][j - 1];
                if (!Double.isFinite(v)) {
                    throw new ModelingException(what + ": predictor " + names.get(j - 1) + " of case " + i + " is " + v);
                }
                xd[i][j] = v;
            }
        }
        checkRank(xd, names, what);

        double ybar = 0;
        for (int v : y) {
            ybar += v;
        }
        ybar /= n;
        // R's glm.fit: mustart = (y + 0.5)/2, eta = logit(mu); each iteration solves the weighted least squares
        // with W = mu(1 - mu) and z = eta + (y - mu)/W at the current mu; stops when
        // |dev - dev_old|/(|dev| + 0.1) < epsilon. SEs come from that last solve's X'WX, as summary.glm does.
        double[] mu = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = (y[i] + 0.5) / 2;
            eta[i] = Math.log(mu[i] / (1 - mu[i]));
        }
        double devOld = deviance(y, mu);
        double[] beta = null;
        double[][] info = null;
        int iter = 0;
        boolean converged = false;
        double dev = devOld;
        while (iter < MAX_ITER && !converged) {
            iter++;
            double[] xtwz = new double[p];
            info = new double[p][p];
            for (int i = 0; i < n; i++) {
                double w = mu[i] * (1 - mu[i]);
                double z = eta[i] + (y[i] - mu[i]) / w;
                for (int a = 0; a < p; a++) {
                    xtwz[a] += w * xd[i][a] * z;
                    for (int b = 0; b <= a; b++) {
                        info[a][b] += w * xd[i][a] * xd[i][b];
                    }
                }
            }
            symmetrize(info);
            beta = Cholesky.solve(info, xtwz);
            if (beta == null) {
                throw separation(what);
            }
            for (int i = 0; i < n; i++) {
                eta[i] = dot(xd[i], beta);
                mu[i] = LinearPredictor.logistic(eta[i]);
            }
            dev = deviance(y, mu);
            if (!Double.isFinite(dev)) {
                throw separation(what);
            }
            converged = Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON;
            devOld = dev;
        }
        if (!converged) {
            throw separation(what);
        }
        for (int i = 0; i < n; i++) {
            if (mu[i] < SEPARATION_EPS || mu[i] > 1 - SEPARATION_EPS) {
                throw separation(what);
            }
        }
        double nullDev = 0;
        for (int i = 0; i < n; i++) {
            nullDev += -2 * (y[i] == 1 ? Math.log(ybar) : Math.log1p(-ybar));
        }
        double[][] cov = Cholesky.inverse(info);
        if (cov == null) {
            throw separation(what);
        }
        NormalDistribution nd = new NormalDistribution(null, 0, 1);
        List<Coefficient> coefs = new ArrayList<>();
        for (int a = 0; a < p; a++) {
            double se = Math.sqrt(cov[a][a]);
            double z = beta[a] / se;
            double pv = 2 * nd.cumulativeProbability(-Math.abs(z));
            coefs.add(new Coefficient(a == 0 ? LogisticFit.INTERCEPT : names.get(a - 1), beta[a], se, z, pv,
                    Math.exp(beta[a]), Math.exp(beta[a] - Z975 * se), Math.exp(beta[a] + Z975 * se)));
        }
        return new LogisticFit(coefs, dev, nullDev, dev + 2 * p, iter);
    }

    private static double deviance(int[] y, double[] mu) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            d += -2 * (y[i] == 1 ? Math.log(mu[i]) : Math.log1p(-mu[i]));
        }
        return d;
    }

    private static ModelingException separation(String what) {
        return new ModelingException(what + ": complete or quasi-complete separation (fitted probabilities "
                + "reach 0 or 1, the maximum-likelihood estimate does not exist); remove or combine the separating "
                + "predictor(s) or use a penalised model");
    }

    /**
     * Modified Gram–Schmidt over the columns in order (as R's lm.fit with tol 1e-7): a column whose residual
     * after projection on the earlier columns is below 1e-7 of its norm is aliased. Names the aliased predictors.
     */
    private static void checkRank(double[][] xd, List<String> names, String what) {
        int n = xd.length, p = xd[0].length;
        List<double[]> basis = new ArrayList<>();
        List<String> aliased = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = xd[i][j];
            }
            double norm0 = Math.sqrt(dot(v, v));
            for (double[] q : basis) {
                double c = dot(q, v);
                for (int i = 0; i < n; i++) {
                    v[i] -= c * q[i];
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (norm0 == 0 || norm < 1e-7 * norm0) {
                aliased.add(j == 0 ? LogisticFit.INTERCEPT : names.get(j - 1) + (norm0 == 0 ? " (all zero)" : ""));
                continue;
            }
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
            }
            basis.add(v);
        }
        if (!aliased.isEmpty()) {
            throw new ModelingException(what + ": predictors are collinear (design rank " + basis.size() + " < " + p
                    + "; constant predictors count as collinear with the intercept); aliased: " + String.join(", ", aliased));
        }
    }

    private static void symmetrize(double[][] m) {
        for (int a = 0; a < m.length; a++) {
            for (int b = a + 1; b < m.length; b++) {
                m[a][b] = m[b][a];
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
