package org.radstream.radiomics.features;

/**
 * A grey level × j count matrix and its marginals, shared by GLSZM (j = zone size) and GLDM
 * (j = dependence count + 1); column 0 is unused. {@code N_z = Σ P} (1 when empty, PyRadiomics' guard),
 * {@code N_p = Σ j p_s(j)}.
 */
final class SizeMatrix {
    final double[] g;
    final double[][] p;   // [level][j], j = size (column 0 is empty)
    final double[] pg;
    final double[] ps;
    final double nz;
    final double np;

    interface W1 {
        double of(double x);
    }

    interface W2 {
        double of(double i, double j);
    }

    SizeMatrix(double[] g, double[][] counts, int maxJ) {
        this.g = g;
        p = new double[g.length][maxJ + 1];
        pg = new double[g.length];
        ps = new double[maxJ + 1];
        double total = 0;
        double voxels = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 1; j <= maxJ; j++) {
                double c = counts[i][j];
                p[i][j] = c;
                pg[i] += c;
                ps[j] += c;
                total += c;
                voxels += c * j;
            }
        }
        nz = total == 0 ? 1 : total;
        np = voxels == 0 ? 1 : voxels;
    }

    double bySize(W1 w) {
        double s = 0;
        for (int j = 1; j < ps.length; j++) {
            if (ps[j] != 0) {
                s += ps[j] * w.of(j);
            }
        }
        return s;
    }

    double byLevel(W1 w) {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            s += pg[i] * w.of(g[i]);
        }
        return s;
    }

    double byBoth(W2 w) {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 1; j < ps.length; j++) {
                if (p[i][j] != 0) {
                    s += p[i][j] * w.of(g[i], j);
                }
            }
        }
        return s;
    }

    double levelVariance() {
        double mu = byLevel(i -> i) / nz;
        return byLevel(i -> (i - mu) * (i - mu)) / nz;
    }

    double sizeVariance() {
        double mu = bySize(j -> j) / nz;
        return bySize(j -> (j - mu) * (j - mu)) / nz;
    }

    double entropy() {
        double h = 0;
        for (double[] row : p) {
            for (int j = 1; j < row.length; j++) {
                double q = row[j] / nz;
                h -= q * GlcmFeatures.log2(q + GlcmFeatures.EPS);
            }
        }
        return h;
    }
}
