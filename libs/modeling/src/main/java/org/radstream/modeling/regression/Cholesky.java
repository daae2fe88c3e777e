package org.radstream.modeling.regression;

/** Cholesky solve and inverse of a small symmetric positive-definite matrix; null when not positive definite. */
final class Cholesky {
    private Cholesky() {
    }

    static double[][] factor(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 1e-300)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    static double[] solve(double[][] a, double[] b) {
        double[][] l = factor(a);
        return l == null ? null : solve(l, b, true);
    }

    private static double[] solve(double[][] l, double[] b, boolean factored) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    static double[][] inverse(double[][] a) {
        double[][] l = factor(a);
        if (l == null) {
            return null;
        }
        int n = a.length;
        double[][] inv = new double[n][];
        for (int c = 0; c < n; c++) {
            double[] e = new double[n];
            e[c] = 1;
            inv[c] = solve(l, e, true);
        }
        return inv; // symmetric, so columns = rows
    }
}
