package org.radstream.radiomics.features;

/**
 * Eigenvalues of a real symmetric matrix (no eigenvectors): Householder reduction to tridiagonal form, then
 * the implicit QL iteration with Wilkinson shifts (Golub &amp; Van Loan, Matrix Computations, §8.3). Used for
 * the GLCM maximal correlation coefficient, where only the eigenvalues are needed and the matrix is small.
 */
final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /** y = M x for a symmetric operator M. */
    interface Operator {
        void apply(double[] x, double[] y);
    }

    /**
     * Largest eigenvalue of a symmetric positive semi-definite operator of size n by Lanczos iteration with
     * full re-orthogonalisation ({@code steps} Krylov vectors at most): the largest eigenvalue of the
     * tridiagonal Lanczos matrix, which converges to the extreme eigenvalue first.
     */
    static double largestEigenvalue(Operator op, int n, int steps, long seed) {
        int k = Math.min(steps, n);
        double[][] q = new double[k + 1][];
        double[] alpha = new double[k];
        double[] beta = new double[k + 1];
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(-1, 1);
        }
        double norm = norm(v);
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        q[0] = v;
        int m = 0;
        double[] w = new double[n];
        for (int j = 0; j < k; j++) {
            op.apply(q[j], w);
            alpha[j] = dot(w, q[j]);
            m = j + 1;
            // full re-orthogonalisation against every previous vector (twice, for stability)
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double c = dot(w, q[i]);
                    for (int t = 0; t < n; t++) {
                        w[t] -= c * q[i][t];
                    }
                }
            }
            double b = norm(w);
            if (j == k - 1 || b < 1e-13) {
                break;
            }
            beta[j + 1] = b;
            q[j + 1] = new double[n];
            for (int t = 0; t < n; t++) {
                q[j + 1][t] = w[t] / b;
            }
        }
        double[][] tri = new double[m][m];
        for (int i = 0; i < m; i++) {
            tri[i][i] = alpha[i];
            if (i + 1 < m) {
                tri[i][i + 1] = beta[i + 1];
                tri[i + 1][i] = beta[i + 1];
            }
        }
        double[] ev = eigenvalues(tri);
        return ev[ev.length - 1];
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Eigenvalues of {@code a} (n × n, symmetric; destroyed), ascending. */
    static double[] eigenvalues(double[][] a) {
        int n = a.length;
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalize(a, d, e);
        ql(d, e);
        java.util.Arrays.sort(d);
        return d;
    }

    /** Householder: on return d holds the diagonal, e[1..n-1] the sub-diagonal of the similar tridiagonal matrix. */
    private static void tridiagonalize(double[][] a, double[] d, double[] e) {
        int n = a.length;
        for (int i = n - 1; i > 0; i--) {
            int l = i - 1;
            double h = 0;
            if (l > 0) {
                double scale = 0;
                for (int k = 0; k <= l; k++) {
                    scale += Math.abs(a[i][k]);
                }
                if (scale == 0) {
                    e[i] = a[i][l];
                } else {
                    for (int k = 0; k <= l; k++) {
                        a[i][k] /= scale;
                        h += a[i][k] * a[i][k];
                    }
                    double f = a[i][l];
                    double g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
                    e[i] = scale * g;
                    h -= f * g;
                    a[i][l] = f - g;
                    f = 0;
                    for (int j = 0; j <= l; j++) {
                        double gg = 0;
                        for (int k = 0; k <= j; k++) {
                            gg += a[j][k] * a[i][k];
                        }
                        for (int k = j + 1; k <= l; k++) {
                            gg += a[k][j] * a[i][k];
                        }
                        e[j] = gg / h;
                        f += e[j] * a[i][j];
                    }
                    double hh = f / (h + h);
                    for (int j = 0; j <= l; j++) {
                        double fj = a[i][j];
                        double gj = e[j] - hh * fj;
                        e[j] = gj;
                        for (int k = 0; k <= j; k++) {
                            a[j][k] -= fj * e[k] + gj * a[i][k];
                        }
                    }
                }
            } else {
                e[i] = a[i][l];
            }
            d[i] = h;
        }
        for (int i = 0; i < n; i++) {
            d[i] = a[i][i];
        }
    }

    /** Implicit QL on the tridiagonal (d, e); eigenvalues left in d. */
    private static void ql(double[] d, double[] e) {
        int n = d.length;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        if (n > 0) {
            e[n - 1] = 0;
        }
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= Math.ulp(dd)) {
                        break;
                    }
                }
                if (m != l) {
                    if (iter++ == 60) {
                        throw new NotComputableException("eigenvalue iteration did not converge");
                    }
                    double g = (d[l + 1] - d[l]) / (2 * e[l]);
                    double r = Math.sqrt(g * g + 1);
                    g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
                    double s = 1;
                    double c = 1;
                    double p = 0;
                    int i;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        r = Math.sqrt(f * f + g * g);
                        e[i + 1] = r;
                        if (r == 0) {
                            d[i + 1] -= p;
                            e[m] = 0;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                    }
                    if (r == 0 && i >= l) {
                        continue;
                    }
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            } while (m != l);
        }
    }
}
