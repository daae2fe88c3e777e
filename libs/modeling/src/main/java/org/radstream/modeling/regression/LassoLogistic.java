package org.radstream.modeling.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.radstream.modeling.Checks;
import org.radstream.modeling.ModelingException;

/**
 * L1-penalised (LASSO) logistic regression with glmnet's conventions (Friedman, Hastie &amp; Tibshirani,
 * J Stat Softw 33(1), 2010), validated against R glmnet 4.1 (binomial, alpha = 1, standardize = TRUE).
 * <pre>
 * minimise over (β₀, β):  −(1/n) Σ [y_i η_i − log(1 + e^{η_i})] + λ Σ_j |β_j|,   η_i = β₀ + Σ_j x̃_ij β_j
 * x̃_ij = (x_ij − m_j)/s_j,  m_j = mean,  s_j = √((1/n) Σ (x_ij − m_j)²)   (glmnet standardises with 1/n)
 * </pre>
 * Coefficients are reported on the scale of the input x (β_j/s_j, intercept β₀ − Σ m_j β_j/s_j), as glmnet's
 * coef(). Solver: glmnet's two-class algorithm (lognet; glmnetpp's binomial point solver) — an outer IRLS loop
 * (quadratic approximation of the log-likelihood at the current fit: weights v_i = q_i(1−q_i), working residuals;
 * fitted probabilities beyond pmin = 1e-9 count as 0 or 1 with weight 0) around weighted cyclic coordinate
 * descent with soft thresholding S(u, λ) = sign(u)·max(|u| − λ, 0): warm starts along the λ path, the sequential
 * strong rule |x̃_j'r| &gt; 2λ − λ_prev for the features coordinate descent visits, passes over the active set until
 * they settle and then one pass over the strong set, and after each IRLS step a KKT check of the features outside
 * the strong set (a violator joins it and the step repeats). Converged, as glmnet, when max_j xv_j Δβ_j² &lt; thresh ·
 * D₀/(2n) for the coordinate passes and over a whole IRLS step (xv_j = Σ v_i x̃_ij²/n, D₀ the null deviance):
 * thresh = {@link #THRESH} (glmnet's default, 1e-7) for the default path and cross-validation — on the glmnet
 * fixture the path and cv.glmnet's cvm then agree with R's default to 1e-14, same iterates — and
 * {@link #THRESH_EXACT} for the reported coefficients at one λ.
 * <p>The default path is glmnet's: λ_max = max_j |(1/n) Σ x̃_ij (y_i − ȳ)| (smallest λ with all β = 0),
 * 100 values geometric down to λ_max·r (r = 1e-4 when n &gt; p, else 0.01), stopped early as glmnet does when
 * the deviance ratio exceeds 0.999 or improves by less than 1e-5 (after the 5th λ), or when every fitted
 * probability is 0 or 1; a λ that does not converge within glmnet's maxit (1e5 passes) ends the path at the λ
 * before it, as glmnet's path does (R warns); {@link Path#stop()} says which rule ended it.
 * Cross-validation follows cv.glmnet (type.measure = "deviance", grouped): each fold fits its own default
 * path and is evaluated at the full-data λ by linear interpolation (glmnet's lambda.interp); per-fold mean deviance with
 * probabilities clamped to [1e-5, 1 − 1e-5], cvm = fold-size weighted mean, cvsd = √(weighted var/(K − 1)),
 * λ_min = argmin cvm, λ_1se = largest λ with cvm ≤ cvm(λ_min) + cvsd(λ_min). The folds are fitted in parallel
 * (common fork-join pool), each into its own row, and reduced in fold order: the result does not depend on threads.
 */
public final class LassoLogistic {
    /**
     * glmnet's default thresh: coordinate descent has converged when max_j xv_j Δβ_j² &lt; thresh · D₀/(2n), xv_j the
     * weighted curvature of coordinate j and D₀ the null deviance. Used for the default path and cross-validation,
     * as glmnet and cv.glmnet use it by default.
     */
    public static final double THRESH = 1e-7;
    /**
     * thresh of {@link #coefficients} and {@link #fit}: the reported model is the minimiser to far below the 1e-4
     * agreement with glmnet(…, thresh = 1e-14) that the R checks ask for.
     */
    public static final double THRESH_EXACT = 1e-14;
    /** glmnet's maxit: coordinate passes allowed for one λ. */
    private static final int MAXIT = 100_000;
    /** glmnet.control(): pmin (fitted probabilities beyond it count as 0 or 1), fdev, devmax, mnlam. */
    private static final double PMIN = 1e-9;
    private static final double FMAX = Math.log(1 / PMIN - 1);
    private static final double VMIN = (1 + PMIN) * PMIN * (1 - PMIN);
    private static final double FDEV = 1e-5;
    private static final double DEVMAX = 0.999;
    private static final int MNLAM = 5;

    /**
     * A fitted path: per λ, intercept and coefficients on the input scale, deviance ratio and non-zero count;
     * {@code stop} says why the path ended where it did (glmnet's early-stopping rules or the end of the λ values).
     */
    public record Path(double[] lambdas, double[] intercepts, double[][] betas, double[] devRatio, int[] df, String stop) {
        public int size() {
            return lambdas.length;
        }
    }

    /** cv.glmnet's summary. */
    public record CvResult(double[] lambdas, double[] cvm, double[] cvsd, double lambdaMin, double lambda1se,
                           int[] foldId) {
    }

    private final int n;
    private final int p;
    private final double[][] xs; // standardised, column-major: xs[j][i]
    private final double[] mean;
    private final double[] sd;
    private final int[] y;
    private final double[][] raw;
    private final List<String> names;
    private final String what;

    /**
     * @param x     x[case][feature]
     * @param y     0/1 outcome, both classes present
     * @param names feature names (error messages)
     * @param what  data set description (error messages)
     */
    public LassoLogistic(double[][] x, int[] y, List<String> names, String what) {
        this.n = y.length;
        Checks.sameLength(what + " features", x.length, what + " outcomes", n);
        Checks.bothClasses(what + " outcome", y);
        this.p = names.size();
        if (p == 0) {
            throw new ModelingException(what + ": LASSO needs at least one feature");
        }
        this.y = y.clone();
        this.raw = x;
        this.names = List.copyOf(names);
        this.what = what;
        mean = new double[p];
        sd = new double[p];
        xs = new double[p][n];
        for (int j = 0; j < p; j++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                double v = x[i][j];
                if (!Double.isFinite(v)) {
                    throw new ModelingException(what + ": feature " + names.get(j) + " of case " + i + " is " + v);
                }
                m += v;
            }
            m /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (x[i][j] - m) * (x[i][j] - m);
            }
            double s = Math.sqrt(ss / n);
            if (!(s > 0)) {
                throw new ModelingException(what + ": feature " + names.get(j) + " is constant; it cannot enter the LASSO");
            }
            mean[j] = m;
            sd[j] = s;
            for (int i = 0; i < n; i++) {
                xs[j][i] = (x[i][j] - m) / s;
            }
        }
    }

    public List<String> names() {
        return names;
    }

    /** λ_max: the smallest λ at which every coefficient is zero. */
    public double lambdaMax() {
        double ybar = 0;
        for (int v : y) {
            ybar += v;
        }
        ybar /= n;
        double max = 0;
        for (int j = 0; j < p; j++) {
            double g = 0;
            for (int i = 0; i < n; i++) {
                g += xs[j][i] * (y[i] - ybar);
            }
            max = Math.max(max, Math.abs(g / n));
        }
        return max;
    }

    /** glmnet's default path (100 λ, early stopping), converged to {@link #THRESH}. */
    public Path defaultPath() {
        return defaultPath(THRESH);
    }

    /** glmnet's default path (100 λ, early stopping) with glmnet's {@code thresh}. */
    public Path defaultPath(double thresh) {
        int nlambda = 100;
        double ratio = n < p ? 0.01 : 1e-4;
        double lmax = lambdaMax();
        double[] lambdas = new double[nlambda];
        for (int k = 0; k < nlambda; k++) {
            lambdas[k] = lmax * Math.pow(ratio, k / (double) (nlambda - 1));
        }
        return path(lambdas, true, thresh);
    }

    /** The path at the given decreasing λ values, with warm starts, no early stopping, converged to {@link #THRESH_EXACT}. */
    public Path fit(double[] lambdas) {
        for (int k = 1; k < lambdas.length; k++) {
            if (!(lambdas[k] < lambdas[k - 1])) {
                throw new ModelingException("LASSO lambdas must be strictly decreasing; lambda[" + k + "] = " + lambdas[k]);
            }
        }
        return path(lambdas, false, THRESH_EXACT);
    }

    /** Intercept then coefficients (input scale) at one λ, reached through a short warm-start path from λ_max. */
    public double[] coefficients(double lambda) {
        if (!(lambda > 0)) {
            throw new ModelingException("LASSO lambda must be positive; got " + lambda);
        }
        double lmax = lambdaMax();
        List<Double> seq = new ArrayList<>();
        if (lambda < lmax) {
            for (int k = 0; k < 20; k++) {
                double l = lmax * Math.pow(lambda / lmax, k / 20.0);
                seq.add(l);
            }
        }
        seq.add(lambda);
        Path path = path(seq.stream().mapToDouble(Double::doubleValue).toArray(), false, THRESH_EXACT);
        int last = path.size() - 1;
        double[] out = new double[p + 1];
        out[0] = path.intercepts()[last];
        System.arraycopy(path.betas()[last], 0, out, 1, p);
        return out;
    }

    private Path path(double[] lambdas, boolean glmnetStopping, double thresh) {
        Solver s = new Solver(thresh);
        List<double[]> betas = new ArrayList<>();
        double[] intercepts = new double[lambdas.length];
        double[] devRatio = new double[lambdas.length];
        int[] df = new int[lambdas.length];
        String stop = "end of the lambda sequence";
        int m = 0;
        for (; m < lambdas.length; m++) {
            // glmnet fits the default path's first λ (λ_max) as λ = ∞: every coefficient is zero by definition, not by
            // a rounding-sensitive comparison of the gradient with λ_max
            double lam = glmnetStopping && m == 0 ? Double.MAX_VALUE : lambdas[m];
            Status st = s.solve(lam, m == 0 ? Math.max(lam, lambdaMax()) : lambdas[m - 1]);
            if (st == Status.MAXIT) {
                if (glmnetStopping && m > 0) {
                    // glmnet: the path ends at the last λ that converged (R warns "convergence for k-th lambda value
                    // not reached"); the path's length says where
                    stop = "no convergence within " + MAXIT + " coordinate passes at lambda " + lambdas[m];
                    break;
                }
                throw new ModelingException(what + ": LASSO did not converge within " + MAXIT + " coordinate passes at lambda "
                        + lambdas[m] + " (the data are probably separable at this penalty); use a larger lambda");
            }
            if (st == Status.SATURATED && !glmnetStopping) {
                throw new ModelingException(what + ": at LASSO lambda " + lambdas[m] + " every fitted probability is 0 or 1"
                        + " (the data are separable at this penalty); use a larger lambda");
            }
            devRatio[m] = 1 - s.deviance() / s.nullDeviance;
            double[] beta = new double[p];
            double icpt = s.b0;
            int nz = 0;
            for (int j = 0; j < p; j++) {
                beta[j] = s.b[j] / sd[j];
                icpt -= beta[j] * mean[j];
                if (s.b[j] != 0) {
                    nz++;
                }
            }
            betas.add(beta);
            intercepts[m] = icpt;
            df[m] = nz;
            if (st == Status.SATURATED) {
                stop = "every fitted probability is 0 or 1";
                m++;
                break;
            }
            if (glmnetStopping && m + 1 >= MNLAM) {
                if (devRatio[m] - devRatio[m - 1] < FDEV) {
                    stop = "deviance ratio changed by less than " + FDEV;
                    m++;
                    break;
                }
                if (devRatio[m] > DEVMAX) {
                    stop = "deviance ratio above " + DEVMAX;
                    m++;
                    break;
                }
            }
        }
        return new Path(Arrays.copyOf(lambdas, m), Arrays.copyOf(intercepts, m), betas.toArray(new double[0][]),
                Arrays.copyOf(devRatio, m), Arrays.copyOf(df, m), stop);
    }

    private enum Status { CONVERGED, SATURATED, MAXIT }

    /**
     * glmnet's two-class solver state along a path (lognet2n, as glmnetpp's binomial two-class point solver),
     * with observation weights 1/n: v_i = q_i(1 − q_i)/n, residual r_i = (y_i − q_i)/n, so x̃_j'r is the gradient
     * of the log-likelihood/n and xv_j = Σ v_i x̃_ij² the curvature of coordinate j.
     */
    private final class Solver {
        final double thr;
        final double nullDeviance;
        double b0;
        final double[] b = new double[p];
        private final double[] bs = new double[p];
        private final double[] xv = new double[p];
        private final double[] ga = new double[p]; // |x̃_j'r| at the last solution: strong rule and KKT check
        private final boolean[] strong = new boolean[p];
        private final boolean[] isActive = new boolean[p];
        private final int[] active = new int[p]; // ever-non-zero coefficients, in order of entry
        private int nActive;
        private final double[] q = new double[n];
        private final double[] v = new double[n];
        private final double[] r = new double[n];
        private double xmz; // Σ v_i
        private int passes;

        Solver(double thresh) {
            double ybar = 0;
            for (int yi : y) {
                ybar += yi;
            }
            ybar /= n;
            double nullNll = -(ybar * Math.log(ybar) + (1 - ybar) * Math.log1p(-ybar)); // per observation
            nullDeviance = 2 * n * nullNll;
            thr = thresh * nullNll; // glmnet scales thresh by the null deviance (in its 1/n-weighted units)
            b0 = Math.log(ybar / (1 - ybar));
            xmz = ybar * (1 - ybar);
            for (int i = 0; i < n; i++) {
                q[i] = ybar;
                v[i] = xmz / n;
                r[i] = (y[i] - ybar) / n;
            }
            for (int j = 0; j < p; j++) {
                ga[j] = Math.abs(dot(xs[j], r));
            }
        }

        /**
         * Minimises the penalised objective at λ from the current (warm) solution. prevLambda is the previous
         * λ of the path, for the sequential strong rule |x̃_j'r| &gt; 2λ − λ_prev (Tibshirani et al., JRSS-B 74, 2012).
         */
        Status solve(double lambda, double prevLambda) {
            passes = 0;
            double tlam = 2 * lambda - prevLambda;
            for (int j = 0; j < p; j++) {
                if (!strong[j] && ga[j] > tlam) {
                    strong[j] = true;
                }
            }
            while (true) { // IRLS: quadratic approximation at the current fit, solved by coordinate descent
                double bs0 = b0;
                for (int a = 0; a < nActive; a++) {
                    bs[active[a]] = b[active[a]];
                }
                for (int j = 0; j < p; j++) {
                    if (strong[j]) {
                        double[] x = xs[j];
                        double sum = 0;
                        for (int i = 0; i < n; i++) {
                            sum += v[i] * x[i] * x[i];
                        }
                        xv[j] = sum;
                    }
                }
                // weighted least squares: a pass over the strong set, then passes over the active set until they
                // settle, then a full pass again, until a full pass moves nothing by more than thr
                while (true) {
                    double dlx = pass(lambda, true);
                    if (dlx < 0) {
                        return Status.MAXIT;
                    }
                    if (dlx < thr) {
                        break;
                    }
                    do {
                        dlx = pass(lambda, false);
                        if (dlx < 0) {
                            return Status.MAXIT;
                        }
                    } while (dlx >= thr);
                }
                // new weights and working residuals at the new fit; probabilities beyond pmin are 0 or 1 (weight 0)
                xmz = 0;
                for (int i = 0; i < n; i++) {
                    double e = b0;
                    for (int a = 0; a < nActive; a++) {
                        int k = active[a];
                        e += b[k] * xs[k][i];
                    }
                    double qi = e < -FMAX ? 0 : e > FMAX ? 1 : 1 / (1 + Math.exp(-e));
                    q[i] = qi;
                    v[i] = qi * (1 - qi) / n;
                    xmz += v[i];
                    r[i] = (y[i] - qi) / n;
                }
                if (xmz <= VMIN) {
                    return Status.SATURATED;
                }
                // converged when no coefficient moved by more than thr over this IRLS step (glmnet's criterion) ...
                boolean moved = xmz * (b0 - bs0) * (b0 - bs0) > thr;
                for (int a = 0; a < nActive && !moved; a++) {
                    int k = active[a];
                    double d = b[k] - bs[k];
                    moved = xv[k] * d * d > thr;
                }
                if (moved) {
                    continue;
                }
                // ... and the KKT conditions hold outside the strong set (else those features join it)
                boolean kktFailed = false;
                for (int j = 0; j < p; j++) {
                    if (!strong[j]) {
                        ga[j] = Math.abs(dot(xs[j], r));
                        if (ga[j] > lambda) {
                            strong[j] = true;
                            kktFailed = true;
                        }
                    }
                }
                if (!kktFailed) {
                    return Status.CONVERGED;
                }
            }
        }

        /**
         * One coordinate-descent pass (over the strong set, or only the active set) then the intercept; returns the
         * largest xv_j Δβ_j² (glmnet's dlx), or −1 when the λ has used up MAXIT passes.
         */
        private double pass(double lambda, boolean full) {
            if (++passes > MAXIT) {
                return -1;
            }
            double dlx = 0;
            int count = full ? p : nActive;
            for (int c = 0; c < count; c++) {
                int j = full ? c : active[c];
                if (full && !strong[j]) {
                    continue;
                }
                double[] x = xs[j];
                double old = b[j];
                double u = dot(x, r) + xv[j] * old;
                double a = Math.abs(u) - lambda;
                double nb = a > 0 ? Math.copySign(a, u) / xv[j] : 0;
                if (nb == old) {
                    continue;
                }
                b[j] = nb;
                double d = nb - old;
                dlx = Math.max(dlx, xv[j] * d * d);
                if (!isActive[j]) {
                    isActive[j] = true;
                    active[nActive++] = j;
                }
                for (int i = 0; i < n; i++) {
                    r[i] -= d * v[i] * x[i];
                }
            }
            double sr = 0;
            for (int i = 0; i < n; i++) {
                sr += r[i];
            }
            double d0 = sr / xmz;
            if (d0 != 0) {
                b0 += d0;
                dlx = Math.max(dlx, xmz * d0 * d0);
                for (int i = 0; i < n; i++) {
                    r[i] -= d0 * v[i];
                }
            }
            return dlx;
        }

        /** Binomial deviance at the current fit, probabilities clamped to [pmin, 1 − pmin] as glmnet. */
        double deviance() {
            double dev = 0;
            for (int i = 0; i < n; i++) {
                double qi = Math.min(Math.max(q[i], PMIN), 1 - PMIN);
                dev += -2 * (y[i] == 1 ? Math.log(qi) : Math.log1p(-qi));
            }
            return dev;
        }
    }

    /** a·b with four partial sums (independent add chains, as a vectorised dot product sums), then combined. */
    private static double dot(double[] a, double[] b) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int m = a.length - 3; i < m; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * K-fold cross-validation over the given λ path with the given fold labels 1..K (as cv.glmnet's foldid).
     */
    public CvResult crossValidate(double[] lambdas, int[] foldId) {
        return crossValidate(lambdas, foldId, THRESH);
    }

    /** As {@link #crossValidate(double[], int[])}, the fold paths converged to glmnet's {@code thresh}. */
    public CvResult crossValidate(double[] lambdas, int[] foldId, double thresh) {
        Checks.sameLength(what + " foldid", foldId.length, what + " outcomes", n);
        int k = Arrays.stream(foldId).max().orElse(0);
        if (k < 3) {
            throw new ModelingException(what + ": cross-validation needs at least 3 folds; got " + k);
        }
        int nl = lambdas.length;
        double[] foldN = new double[k];
        for (int i = 0; i < n; i++) {
            if (foldId[i] < 1) {
                throw new ModelingException(what + ": fold label of case " + i + " is " + foldId[i] + "; labels are 1.." + k);
            }
            foldN[foldId[i] - 1]++;
        }
        for (int f = 1; f <= k; f++) {
            if (foldN[f - 1] == 0) {
                throw new ModelingException(what + ": fold " + f + " is empty");
            }
        }
        // the folds are independent fits: run them on the common pool, each fold's result in its own row, so the
        // reduction below sums in fold order and the result does not depend on the threads
        double[][] foldDev = IntStream.rangeClosed(1, k).parallel()
                .mapToObj(f -> foldDeviance(f, k, lambdas, foldId, thresh)).toArray(double[][]::new);
        double total = Arrays.stream(foldN).sum();
        double[] cvm = new double[nl], cvsd = new double[nl];
        for (int l = 0; l < nl; l++) {
            double m = 0;
            for (int f = 0; f < k; f++) {
                m += foldDev[f][l] * foldN[f] / total;
            }
            double v = 0;
            for (int f = 0; f < k; f++) {
                v += (foldDev[f][l] - m) * (foldDev[f][l] - m) * foldN[f] / total;
            }
            cvm[l] = m;
            cvsd[l] = Math.sqrt(v / (k - 1));
        }
        int best = 0;
        for (int l = 1; l < nl; l++) {
            if (cvm[l] < cvm[best]) {
                best = l;
            }
        }
        double lambdaMin = Double.NEGATIVE_INFINITY, lambda1se = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < nl; l++) {
            if (cvm[l] <= cvm[best]) {
                lambdaMin = Math.max(lambdaMin, lambdas[l]);
            }
            if (cvm[l] <= cvm[best] + cvsd[best]) {
                lambda1se = Math.max(lambda1se, lambdas[l]);
            }
        }
        return new CvResult(lambdas.clone(), cvm, cvsd, lambdaMin, lambda1se, foldId.clone());
    }

    /** Mean deviance of fold f's held-out cases at each λ, from the fit on the other folds (its own default path). */
    private double[] foldDeviance(int f, int k, double[] lambdas, int[] foldId, double thresh) {
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (foldId[i] == f ? test : train).add(i);
        }
        double[][] xt = train.stream().map(i -> raw[i]).toArray(double[][]::new);
        int[] yt = train.stream().mapToInt(i -> y[i]).toArray();
        LassoLogistic sub = new LassoLogistic(xt, yt, names, what + " (CV fold " + f + " of " + k + ")");
        // as cv.glmnet: each fold fits its own default path, predictions at the full-data λ interpolate it
        Path path = sub.defaultPath(thresh);
        double[] dev = new double[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            double[] coef = interpolate(path, lambdas[l]);
            double s = 0;
            for (int i : test) {
                double e = coef[0];
                for (int j = 0; j < p; j++) {
                    e += coef[j + 1] * raw[i][j];
                }
                double pi = Math.min(Math.max(LinearPredictor.logistic(e), 1e-5), 1 - 1e-5);
                s += -2 * (y[i] == 1 ? Math.log(pi) : Math.log1p(-pi));
            }
            dev[l] = s / test.size();
        }
        return dev;
    }

    /**
     * Intercept and coefficients at λ = s by linear interpolation in λ between the path's neighbouring values
     * (glmnet's lambda.interp, used by predict(fit, s = …)); s outside the path takes the nearest end.
     */
    static double[] interpolate(Path path, double s) {
        double[] lam = path.lambdas();
        int k = lam.length;
        double[] out = new double[path.betas()[0].length + 1];
        int left, right;
        double frac;
        if (k == 1 || s >= lam[0]) {
            left = right = 0;
            frac = 1;
        } else if (s <= lam[k - 1]) {
            left = right = k - 1;
            frac = 1;
        } else {
            right = 1;
            while (lam[right] > s) {
                right++;
            }
            left = right - 1;
            frac = (s - lam[right]) / (lam[left] - lam[right]);
        }
        out[0] = frac * path.intercepts()[left] + (1 - frac) * path.intercepts()[right];
        for (int j = 1; j < out.length; j++) {
            out[j] = frac * path.betas()[left][j - 1] + (1 - frac) * path.betas()[right][j - 1];
        }
        return out;
    }

    /**
     * Seeded stratified fold labels 1..k: each class is shuffled and dealt round-robin into the folds, so every
     * fold holds both outcomes when each class has at least k cases.
     */
    public static int[] stratifiedFolds(int[] y, int k, long seed, String what) {
        int pos = 0;
        for (int v : y) {
            pos += v;
        }
        int neg = y.length - pos;
        if (k < 3) {
            throw new ModelingException(what + ": cross-validation needs at least 3 folds; got " + k);
        }
        if (pos < k || neg < k) {
            throw new ModelingException(what + ": too few cases for " + k + "-fold cross-validation (" + pos
                    + " events, " + neg + " non-events; each class needs at least " + k + ")");
        }
        Random rnd = new Random(seed);
        int[] folds = new int[y.length];
        int next = 0;
        for (int cls = 1; cls >= 0; cls--) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == cls) {
                    idx.add(i);
                }
            }
            java.util.Collections.shuffle(idx, rnd);
            for (int i : idx) {
                folds[i] = next % k + 1;
                next++;
            }
        }
        return folds;
    }
}
