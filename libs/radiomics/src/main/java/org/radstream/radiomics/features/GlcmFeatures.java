package org.radstream.radiomics.features;

import java.util.ArrayList;
import java.util.List;

import org.radstream.radiomics.ExtractionSettings.WeightingNorm;

/**
 * Grey Level Co-occurrence Matrix features (PyRadiomics {@code glcm}, IBSI chapter 3.6 "GLCM", code LFYI).
 *
 * <p>For each offset a of {@link Angles} (one direction of each ± pair, infinity-norm distances from
 * {@code distances}), {@code P_a(i,j)} counts ROI voxel pairs (v, v+a) with grey levels i and j, both in
 * the ROI box and the ROI; with {@code symmetricalGLCM} {@code P_a + P_aᵀ}. Rows of grey levels absent from
 * the ROI are dropped; {@code weightingNorm} merges the angles into one matrix with weights
 * {@code exp(−‖a·spacing‖²)}; angles without any pair are dropped. Each matrix is normalised to
 * {@code p = P/ΣP}; every feature is computed per angle and averaged over angles ("3D, averaged" in IBSI).
 * Notation: i, j grey levels (bin indices), {@code N_g} the highest bin, {@code p_x, p_y} marginals,
 * {@code μ_x, μ_y} their means, {@code p_{x+y}(k)}, {@code p_{x−y}(k)} sum and difference distributions,
 * {@code ε} = 2.2e-16 (numpy {@code spacing(1)}) inside logarithms.
 */
public final class GlcmFeatures {
    static final double EPS = Math.ulp(1.0);

    /** Feature registry in PyRadiomics' order of definition; drives extraction and names. */
    public static final List<Feature<GlcmFeatures>> FEATURES = List.of(
            Feature.of("Autocorrelation", GlcmFeatures::autocorrelation),
            Feature.of("JointAverage", GlcmFeatures::jointAverage),
            Feature.of("ClusterProminence", GlcmFeatures::clusterProminence),
            Feature.of("ClusterShade", GlcmFeatures::clusterShade),
            Feature.of("ClusterTendency", GlcmFeatures::clusterTendency),
            Feature.of("Contrast", GlcmFeatures::contrast),
            Feature.of("Correlation", GlcmFeatures::correlation),
            Feature.of("DifferenceAverage", GlcmFeatures::differenceAverage),
            Feature.of("DifferenceEntropy", GlcmFeatures::differenceEntropy),
            Feature.of("DifferenceVariance", GlcmFeatures::differenceVariance),
            Feature.removed("Dissimilarity"),
            Feature.of("JointEnergy", GlcmFeatures::jointEnergy),
            Feature.of("JointEntropy", GlcmFeatures::jointEntropy),
            Feature.removed("Homogeneity1"),
            Feature.removed("Homogeneity2"),
            Feature.of("Imc1", GlcmFeatures::imc1),
            Feature.of("Imc2", GlcmFeatures::imc2),
            Feature.of("Idm", GlcmFeatures::idm),
            Feature.of("MCC", GlcmFeatures::mcc),
            Feature.of("Idmn", GlcmFeatures::idmn),
            Feature.of("Id", GlcmFeatures::id),
            Feature.of("Idn", GlcmFeatures::idn),
            Feature.of("InverseVariance", GlcmFeatures::inverseVariance),
            Feature.of("MaximumProbability", GlcmFeatures::maximumProbability),
            Feature.of("SumAverage", GlcmFeatures::sumAverage),
            Feature.removed("SumVariance"),
            Feature.of("SumEntropy", GlcmFeatures::sumEntropy),
            Feature.of("SumSquares", GlcmFeatures::sumSquares));

    private final int ng;           // highest bin index N_g
    private final double[] g;       // grey level of each compact level
    private final double[][][] p;   // [angle][i][j], normalised
    private final double[][] px;    // [angle][i]
    private final double[][] py;    // [angle][j]
    private final double[] ux;
    private final double[] uy;
    private final double[][] pSum;  // [angle][k], k = i + j (0..2 N_g)
    private final double[][] pDiff; // [angle][k], k = |i − j| (0..N_g − 1)
    private final double[] hxy;
    private final int[][] nzI;      // [angle][k] row of the k-th non-zero entry
    private final int[][] nzJ;
    private final double[][] nzP;

    GlcmFeatures(TextureInput in) {
        ng = in.disc().ng();
        g = in.levelValues();
        int nl = g.length;
        int[] li = in.levelIndex();
        int[][] angles = Angles.generate(in.sizeZyx(), in.settings().distances(), false, in.force2Ddim());
        double[][][] counts = new double[angles.length][nl][nl];
        int[] bins = in.disc().bins();
        boolean[] mask = in.roi().mask();
        int nx = in.roi().nx();
        int ny = in.roi().ny();
        int nz = in.roi().nz();
        int[] steps = new int[angles.length];
        for (int a = 0; a < angles.length; a++) {
            steps[a] = in.step(angles[a]);
        }
        int v = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, v++) {
                    if (!mask[v]) {
                        continue;
                    }
                    int gi = li[bins[v]];
                    for (int a = 0; a < angles.length; a++) {
                        int w = v + steps[a];
                        if (in.inside(x, y, z, angles[a]) && mask[w]) {
                            counts[a][gi][li[bins[w]]]++;
                        }
                    }
                }
            }
        }
        if (in.settings().symmetricalGlcm()) {
            for (double[][] c : counts) {
                for (int i = 0; i < nl; i++) {
                    for (int j = i; j < nl; j++) {
                        double s = c[i][j] + c[j][i];
                        c[i][j] = s;
                        c[j][i] = s;
                    }
                }
            }
        }
        if (in.settings().weightingNorm() != WeightingNorm.NONE && angles.length > 0) {
            double[] dist = in.angleDistances(angles);
            double[][] merged = new double[nl][nl];
            for (int a = 0; a < angles.length; a++) {
                double wgt = Double.isNaN(dist[a]) ? 1 : Math.exp(-dist[a] * dist[a]);
                for (int i = 0; i < nl; i++) {
                    for (int j = 0; j < nl; j++) {
                        merged[i][j] += wgt * counts[a][i][j];
                    }
                }
            }
            counts = new double[][][] {merged};
        }
        // drop angles without pairs (when there is more than one), then normalise
        List<double[][]> kept = new ArrayList<>();
        for (double[][] c : counts) {
            if (counts.length == 1 || sum(c) > 0) {
                kept.add(c);
            }
        }
        int na = kept.size();
        p = new double[na][][];
        px = new double[na][nl];
        py = new double[na][nl];
        ux = new double[na];
        uy = new double[na];
        pSum = new double[na][2 * ng + 1];
        pDiff = new double[na][ng];
        hxy = new double[na];
        nzI = new int[na][];
        nzJ = new int[na][];
        nzP = new double[na][];
        for (int a = 0; a < na; a++) {
            double[][] c = kept.get(a);
            double total = sum(c);
            double norm = total == 0 ? Double.NaN : total;
            for (double[] row : c) {
                for (int j = 0; j < nl; j++) {
                    row[j] /= norm;
                }
            }
            p[a] = c;
            double h = 0;
            for (int i = 0; i < nl; i++) {
                for (int j = 0; j < nl; j++) {
                    double pij = c[i][j];
                    px[a][i] += pij;
                    py[a][j] += pij;
                    ux[a] += g[i] * pij;
                    uy[a] += g[j] * pij;
                    pSum[a][(int) (g[i] + g[j])] += pij;
                    pDiff[a][(int) Math.abs(g[i] - g[j])] += pij;
                    h -= pij * log2(pij + EPS);
                }
            }
            hxy[a] = h;
            int nnz = 0;
            for (double[] row : c) {
                for (double x : row) {
                    nnz += x != 0 ? 1 : 0;
                }
            }
            nzI[a] = new int[nnz];
            nzJ[a] = new int[nnz];
            nzP[a] = new double[nnz];
            int k = 0;
            for (int i = 0; i < nl; i++) {
                for (int j = 0; j < nl; j++) {
                    if (c[i][j] != 0) {
                        nzI[a][k] = i;
                        nzJ[a][k] = j;
                        nzP[a][k++] = c[i][j];
                    }
                }
            }
        }
    }

    /** Normalised matrix of angle a (for tests). */
    double[][] matrix(int a) {
        return p[a];
    }

    int angleCount() {
        return p.length;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double sum(double[][] m) {
        return Angles.sum(m);
    }

    /** Per-angle value of a feature, averaged over angles ignoring NaN (numpy {@code nanmean}). */
    private double mean(java.util.function.IntToDoubleFunction f) {
        return Angles.nanMean(p.length, f);
    }

    /** Σ p(i,j) w(i,j) over the non-zero entries of angle a (NaN when the angle's matrix is undefined). */
    private double sumP(int a, Weight w) {
        if (Double.isNaN(hxy[a])) {
            return Double.NaN;
        }
        int[] ii = nzI[a];
        int[] jj = nzJ[a];
        double[] pp = nzP[a];
        double s = 0;
        for (int k = 0; k < pp.length; k++) {
            s += pp[k] * w.of(ii[k], jj[k]);
        }
        return s;
    }

    private interface Weight {
        double of(int i, int j);
    }

    /** Autocorrelation <pre>Σ_i Σ_j p(i,j) i j</pre> (IBSI QWB0). */
    public double autocorrelation() {
        return mean(a -> sumP(a, (i, j) -> g[i] * g[j]));
    }

    /** Joint average <pre>μ_x = Σ_i Σ_j p(i,j) i</pre> (IBSI 60VM). */
    public double jointAverage() {
        return mean(a -> ux[a]);
    }

    /** Cluster prominence <pre>Σ p(i,j) (i + j − μ_x − μ_y)⁴</pre> (IBSI AE86). */
    public double clusterProminence() {
        return mean(a -> sumP(a, (i, j) -> sq(sq(g[i] + g[j] - ux[a] - uy[a]))));
    }

    /** Cluster shade <pre>Σ p(i,j) (i + j − μ_x − μ_y)³</pre> (IBSI 7NFM). */
    public double clusterShade() {
        return mean(a -> sumP(a, (i, j) -> {
            double t = g[i] + g[j] - ux[a] - uy[a];
            return t * t * t;
        }));
    }

    /** Cluster tendency <pre>Σ p(i,j) (i + j − μ_x − μ_y)²</pre> (IBSI DG8W, equal to sum variance). */
    public double clusterTendency() {
        return mean(a -> sumP(a, (i, j) -> sq(g[i] + g[j] - ux[a] - uy[a])));
    }

    /** Contrast <pre>Σ p(i,j) (i − j)²</pre> (IBSI ACUI). */
    public double contrast() {
        return mean(a -> sumP(a, (i, j) -> sq(g[i] - g[j])));
    }

    /**
     * Correlation <pre>(Σ p(i,j)(i − μ_x)(j − μ_y)) / (σ_x σ_y + ε)</pre>, 1 when σ_x σ_y = 0 (flat region;
     * PyRadiomics' convention) (IBSI NI2N).
     */
    public double correlation() {
        return mean(a -> {
            double sx = Math.sqrt(sumP(a, (i, j) -> sq(g[i] - ux[a])));
            double sy = Math.sqrt(sumP(a, (i, j) -> sq(g[j] - uy[a])));
            if (sx * sy == 0) {
                return 1;
            }
            return sumP(a, (i, j) -> (g[i] - ux[a]) * (g[j] - uy[a])) / (sx * sy + EPS);
        });
    }

    /** Difference average <pre>Σ_k k p_{x−y}(k)</pre> (IBSI TF7R). */
    public double differenceAverage() {
        return mean(a -> diffAverage(a));
    }

    private double diffAverage(int a) {
        double s = 0;
        for (int k = 0; k < ng; k++) {
            s += k * pDiff[a][k];
        }
        return s;
    }

    /** Difference entropy <pre>−Σ_k p_{x−y}(k) log₂(p_{x−y}(k) + ε)</pre> (IBSI NTRS). */
    public double differenceEntropy() {
        return mean(a -> entropy(pDiff[a]));
    }

    /** Difference variance <pre>Σ_k (k − DA)² p_{x−y}(k)</pre> (IBSI D3YU). */
    public double differenceVariance() {
        return mean(a -> {
            double da = diffAverage(a);
            double s = 0;
            for (int k = 0; k < ng; k++) {
                s += sq(k - da) * pDiff[a][k];
            }
            return s;
        });
    }

    /** Joint energy (angular second moment) <pre>Σ p(i,j)²</pre> (IBSI 8ZQL). */
    public double jointEnergy() {
        return mean(a -> sumP(a, (i, j) -> p[a][i][j]));
    }

    /** Joint entropy <pre>HXY = −Σ p(i,j) log₂(p(i,j) + ε)</pre> (IBSI TU9B). */
    public double jointEntropy() {
        return mean(a -> hxy[a]);
    }

    /**
     * Informational measure of correlation 1 <pre>(HXY − HXY1) / max(HX, HY)</pre>,
     * {@code HXY1 = −Σ p(i,j) log₂(p_x(i) p_y(j) + ε)}; 0 when both marginal entropies are 0 (IBSI R8DG).
     */
    public double imc1() {
        return mean(a -> {
            double hx = entropy(px[a]);
            double hy = entropy(py[a]);
            double hxy1 = -sumP(a, (i, j) -> log2(px[a][i] * py[a][j] + EPS));
            double div = Math.max(hx, hy);
            return div == 0 ? 0 : (hxy[a] - hxy1) / div;
        });
    }

    /**
     * Informational measure of correlation 2 <pre>√(1 − e^{−2 (HXY2 − HXY)})</pre>,
     * {@code HXY2 = −Σ p_x(i) p_y(j) log₂(p_x(i) p_y(j) + ε)}; 0 when HXY2 = HXY (IBSI JN9H).
     */
    public double imc2() {
        return mean(a -> {
            double hxy2 = 0;
            for (int i = 0; i < g.length; i++) {
                for (int j = 0; j < g.length; j++) {
                    double q = px[a][i] * py[a][j];
                    hxy2 -= q * log2(q + EPS);
                }
            }
            if (hxy2 == hxy[a]) {
                return 0;
            }
            return Math.sqrt(1 - Math.exp(-2 * (hxy2 - hxy[a])));
        });
    }

    /** Inverse difference moment <pre>Σ_k p_{x−y}(k) / (1 + k²)</pre> (IBSI WF0Z). */
    public double idm() {
        return mean(a -> diffSum(a, k -> 1.0 / (1 + (double) k * k)));
    }

    /**
     * Maximal correlation coefficient <pre>√(second largest eigenvalue of Q)</pre>,
     * {@code Q(i,k) = Σ_j p(i,j) p(k,j) / (p_x(i) p_y(j))}; 1 when fewer than two grey levels are present.
     * Q is similar to the symmetric {@code A Aᵀ} with {@code A(i,j) = p(i,j)/√(p_x(i) p_y(j))}, whose
     * eigenvalues are computed instead.
     */
    public double mcc() {
        int nl = g.length;
        if (nl < 2) {
            return 1;
        }
        return mean(this::mccAt);
    }

    /** √λ₂ of A Aᵀ for one angle, built from the non-zero entries; levels without pairs (zero rows) are left out. */
    private double mccAt(int a) {
        if (Double.isNaN(hxy[a])) {
            return Double.NaN;
        }
        int nl = g.length;
        int[] row = new int[nl];
        int m = 0;
        for (int i = 0; i < nl; i++) {
            row[i] = px[a][i] > 0 ? m++ : -1;
        }
        if (m < 2) {
            return 0; // at most one non-zero eigenvalue: the second largest is 0
        }
        // column lists of A(i,j) = p(i,j) / sqrt(p_x(i) p_y(j))
        int[] ii = nzI[a];
        int[] jj = nzJ[a];
        double[] pp = nzP[a];
        int[] colStart = new int[nl + 1];
        for (int k = 0; k < pp.length; k++) {
            colStart[jj[k] + 1]++;
        }
        for (int j = 0; j < nl; j++) {
            colStart[j + 1] += colStart[j];
        }
        int[] fill = colStart.clone();
        int[] rows = new int[pp.length];
        double[] vals = new double[pp.length];
        for (int k = 0; k < pp.length; k++) {
            int pos = fill[jj[k]]++;
            rows[pos] = row[ii[k]];
            vals[pos] = pp[k] / Math.sqrt(px[a][ii[k]] * py[a][jj[k]]);
        }
        if (m <= DENSE_LIMIT) {
            double[][] b = new double[m][m];
            for (int j = 0; j < nl; j++) {
                for (int u = colStart[j]; u < colStart[j + 1]; u++) {
                    for (int v = colStart[j]; v < colStart[j + 1]; v++) {
                        b[rows[u]][rows[v]] += vals[u] * vals[v];
                    }
                }
            }
            double[] ev = SymmetricEigen.eigenvalues(b);
            return Math.sqrt(Math.max(0, ev[ev.length - 2]));
        }
        // many levels: the top eigenvalue of A Aᵀ is 1 with eigenvector u = √p_x, so λ₂ is the largest
        // eigenvalue of A Aᵀ − u uᵀ, found by Lanczos on the sparse A
        double[] u = new double[m];
        for (int i = 0; i < nl; i++) {
            if (row[i] >= 0) {
                u[row[i]] = Math.sqrt(px[a][i]);
            }
        }
        final int mm = m;
        double[] t = new double[nl];
        double lambda2 = SymmetricEigen.largestEigenvalue((x, y) -> {
            java.util.Arrays.fill(t, 0);
            for (int j = 0; j < nl; j++) {
                double sum = 0;
                for (int q = colStart[j]; q < colStart[j + 1]; q++) {
                    sum += vals[q] * x[rows[q]];
                }
                t[j] = sum;
            }
            java.util.Arrays.fill(y, 0);
            for (int j = 0; j < nl; j++) {
                for (int q = colStart[j]; q < colStart[j + 1]; q++) {
                    y[rows[q]] += vals[q] * t[j];
                }
            }
            double ux = 0;
            for (int i = 0; i < mm; i++) {
                ux += u[i] * x[i];
            }
            for (int i = 0; i < mm; i++) {
                y[i] -= u[i] * ux;
            }
        }, m, LANCZOS_STEPS, 12345L + a);
        return Math.sqrt(Math.max(0, lambda2));
    }

    /** Up to this many levels MCC uses the dense eigen-decomposition; above it, Lanczos. */
    static final int DENSE_LIMIT = 40;
    static final int LANCZOS_STEPS = 40;

    /** Normalised inverse difference moment <pre>Σ_k p_{x−y}(k) / (1 + k²/N_g²)</pre> (IBSI 1QCO). */
    public double idmn() {
        return mean(a -> diffSum(a, k -> 1.0 / (1 + (double) k * k / ((double) ng * ng))));
    }

    /** Inverse difference <pre>Σ_k p_{x−y}(k) / (1 + k)</pre> (IBSI IB1Z). */
    public double id() {
        return mean(a -> diffSum(a, k -> 1.0 / (1 + k)));
    }

    /** Normalised inverse difference <pre>Σ_k p_{x−y}(k) / (1 + k/N_g)</pre> (IBSI NDRX). */
    public double idn() {
        return mean(a -> diffSum(a, k -> 1.0 / (1 + (double) k / ng)));
    }

    /** Inverse variance <pre>Σ_{k≥1} p_{x−y}(k) / k²</pre> (IBSI E8JP). */
    public double inverseVariance() {
        return mean(a -> diffSum(a, k -> k == 0 ? 0 : 1.0 / ((double) k * k)));
    }

    /** Maximum probability (joint maximum) <pre>max p(i,j)</pre> (IBSI GYBY). */
    public double maximumProbability() {
        return mean(a -> {
            double m = Double.NEGATIVE_INFINITY;
            for (double[] row : p[a]) {
                for (double x : row) {
                    m = Math.max(m, x);
                }
            }
            return m;
        });
    }

    /** Sum average <pre>Σ_k k p_{x+y}(k)</pre> (IBSI ZGXS). */
    public double sumAverage() {
        return mean(a -> {
            double s = 0;
            for (int k = 0; k < pSum[a].length; k++) {
                s += k * pSum[a][k];
            }
            return s;
        });
    }

    /** Sum entropy <pre>−Σ_k p_{x+y}(k) log₂(p_{x+y}(k) + ε)</pre> (IBSI P6QZ). */
    public double sumEntropy() {
        return mean(a -> entropy(pSum[a]));
    }

    /** Sum of squares (joint variance) <pre>Σ p(i,j) (i − μ_x)²</pre> (IBSI UR99). */
    public double sumSquares() {
        return mean(a -> sumP(a, (i, j) -> sq(g[i] - ux[a])));
    }

    private interface KWeight {
        double of(int k);
    }

    private double diffSum(int a, KWeight w) {
        double s = 0;
        for (int k = 0; k < ng; k++) {
            s += pDiff[a][k] * w.of(k);
        }
        return s;
    }

    static double entropy(double[] q) {
        double h = 0;
        for (double x : q) {
            h -= x * log2(x + EPS);
        }
        return h;
    }

    static double sq(double x) {
        return x * x;
    }
}
