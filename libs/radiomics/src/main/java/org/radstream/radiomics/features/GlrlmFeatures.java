package org.radstream.radiomics.features;

import java.util.ArrayList;
import java.util.List;

import org.radstream.radiomics.ExtractionSettings.WeightingNorm;

/**
 * Grey Level Run Length Matrix features (PyRadiomics {@code glrlm}, IBSI "GLRLM", code TP0I).
 *
 * <p>For each of the one-directional offsets of {@link Angles} at distance 1, every line of the ROI box
 * along that offset is walked; {@code P_a(i,j)} counts runs of j consecutive ROI voxels with grey level i
 * (a voxel outside the ROI ends a run). An angle along which no line holds more than one ROI voxel is
 * emptied (PyRadiomics: the ROI is flat in that direction), empty angles are dropped, {@code weightingNorm}
 * merges angles with weights ‖a·spacing‖. {@code N_r(a)} is the number of runs, {@code N_p(a) = Σ j P_a(i,j)};
 * {@code p_g(i) = Σ_j P(i,j)}, {@code p_r(j) = Σ_i P(i,j)}. Features are averaged over angles.
 */
public final class GlrlmFeatures {
    public static final List<Feature<GlrlmFeatures>> FEATURES = List.of(
            Feature.of("ShortRunEmphasis", GlrlmFeatures::shortRunEmphasis),
            Feature.of("LongRunEmphasis", GlrlmFeatures::longRunEmphasis),
            Feature.of("GrayLevelNonUniformity", GlrlmFeatures::grayLevelNonUniformity),
            Feature.of("GrayLevelNonUniformityNormalized", GlrlmFeatures::grayLevelNonUniformityNormalized),
            Feature.of("RunLengthNonUniformity", GlrlmFeatures::runLengthNonUniformity),
            Feature.of("RunLengthNonUniformityNormalized", GlrlmFeatures::runLengthNonUniformityNormalized),
            Feature.of("RunPercentage", GlrlmFeatures::runPercentage),
            Feature.of("GrayLevelVariance", GlrlmFeatures::grayLevelVariance),
            Feature.of("RunVariance", GlrlmFeatures::runVariance),
            Feature.of("RunEntropy", GlrlmFeatures::runEntropy),
            Feature.of("LowGrayLevelRunEmphasis", GlrlmFeatures::lowGrayLevelRunEmphasis),
            Feature.of("HighGrayLevelRunEmphasis", GlrlmFeatures::highGrayLevelRunEmphasis),
            Feature.of("ShortRunLowGrayLevelEmphasis", GlrlmFeatures::shortRunLowGrayLevelEmphasis),
            Feature.of("ShortRunHighGrayLevelEmphasis", GlrlmFeatures::shortRunHighGrayLevelEmphasis),
            Feature.of("LongRunLowGrayLevelEmphasis", GlrlmFeatures::longRunLowGrayLevelEmphasis),
            Feature.of("LongRunHighGrayLevelEmphasis", GlrlmFeatures::longRunHighGrayLevelEmphasis));

    private final double[] g;        // grey level per compact level
    private final double[][][] m;    // [angle][i][j-1]
    private final double[][] pg;     // [angle][i]
    private final double[][] pr;     // [angle][j-1]
    private final double[] nr;       // runs per angle (NaN when none)

    GlrlmFeatures(TextureInput in) {
        g = in.levelValues();
        int nl = g.length;
        int[] li = in.levelIndex();
        int nx = in.roi().nx();
        int ny = in.roi().ny();
        int nz = in.roi().nz();
        int maxLen = Math.max(nx, Math.max(ny, nz));
        int[][] angles = Angles.generate(in.sizeZyx(), new int[] {1}, false, in.force2Ddim());
        int[] bins = in.disc().bins();
        boolean[] mask = in.roi().mask();
        double[][][] counts = new double[angles.length][nl][maxLen];
        for (int a = 0; a < angles.length; a++) {
            int[] ang = angles[a];
            int step = in.step(ang);
            int[] back = {-ang[0], -ang[1], -ang[2]};
            boolean multiElement = false;
            int v = 0;
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++, v++) {
                        // a line starts where stepping backwards leaves the box
                        if (in.inside(x, y, z, back)) {
                            continue;
                        }
                        int gl = -1;
                        int rl = 0;
                        int elements = 0;
                        int w = v;
                        int cx = x;
                        int cy = y;
                        int cz = z;
                        while (true) {
                            if (mask[w]) {
                                elements++;
                                int lv = li[bins[w]];
                                if (gl == lv) {
                                    rl++;
                                } else {
                                    if (gl >= 0) {
                                        counts[a][gl][rl - 1]++;
                                    }
                                    gl = lv;
                                    rl = 1;
                                }
                            } else if (gl >= 0) {
                                counts[a][gl][rl - 1]++;
                                gl = -1;
                                rl = 0;
                            }
                            if (!in.inside(cx, cy, cz, ang)) {
                                break;
                            }
                            cx += ang[2];
                            cy += ang[1];
                            cz += ang[0];
                            w += step;
                        }
                        if (gl >= 0) {
                            counts[a][gl][rl - 1]++;
                        }
                        if (elements > 1) {
                            multiElement = true;
                        }
                    }
                }
            }
            if (!multiElement) {
                counts[a] = new double[nl][maxLen];
            }
        }
        if (in.settings().weightingNorm() != WeightingNorm.NONE && angles.length > 0) {
            double[] dist = in.angleDistances(angles);
            double[][] merged = new double[nl][maxLen];
            for (int a = 0; a < angles.length; a++) {
                double wgt = Double.isNaN(dist[a]) ? 1 : dist[a];
                for (int i = 0; i < nl; i++) {
                    for (int j = 0; j < maxLen; j++) {
                        merged[i][j] += wgt * counts[a][i][j];
                    }
                }
            }
            counts = new double[][][] {merged};
        }
        List<double[][]> kept = new ArrayList<>();
        for (double[][] c : counts) {
            if (counts.length == 1 || total(c) > 0) {
                kept.add(c);
            }
        }
        int na = kept.size();
        m = kept.toArray(new double[0][][]);
        pg = new double[na][nl];
        pr = new double[na][maxLen];
        nr = new double[na];
        for (int a = 0; a < na; a++) {
            for (int i = 0; i < nl; i++) {
                for (int j = 0; j < maxLen; j++) {
                    pg[a][i] += m[a][i][j];
                    pr[a][j] += m[a][i][j];
                }
            }
            double t = total(m[a]);
            nr[a] = t == 0 ? Double.NaN : t;
        }
    }

    private static double total(double[][] c) {
        return Angles.sum(c);
    }

    /** Per-angle value of a feature, averaged over angles ignoring NaN (numpy {@code nanmean}). */
    private double mean(java.util.function.IntToDoubleFunction f) {
        return Angles.nanMean(m.length, f);
    }

    private interface JWeight {
        double of(double j);
    }

    private interface IWeight {
        double of(double i);
    }

    private interface IjWeight {
        double of(double i, double j);
    }

    private double byRun(int a, JWeight w) {
        double s = 0;
        for (int j = 0; j < pr[a].length; j++) {
            s += pr[a][j] * w.of(j + 1);
        }
        return s;
    }

    private double byLevel(int a, IWeight w) {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            s += pg[a][i] * w.of(g[i]);
        }
        return s;
    }

    private double byBoth(int a, IjWeight w) {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            double[] row = m[a][i];
            for (int j = 0; j < row.length; j++) {
                if (row[j] != 0) {
                    s += row[j] * w.of(g[i], j + 1);
                }
            }
        }
        return s;
    }

    /** Short run emphasis <pre>Σ_j p_r(j)/j² / N_r</pre> (IBSI 22OV). */
    public double shortRunEmphasis() {
        return mean(a -> byRun(a, j -> 1 / (j * j)) / nr[a]);
    }

    /** Long run emphasis <pre>Σ_j p_r(j) j² / N_r</pre> (IBSI W4KF). */
    public double longRunEmphasis() {
        return mean(a -> byRun(a, j -> j * j) / nr[a]);
    }

    /** Grey level non-uniformity <pre>Σ_i p_g(i)² / N_r</pre> (IBSI R5YN). */
    public double grayLevelNonUniformity() {
        return mean(a -> sumSq(pg[a]) / nr[a]);
    }

    /** Normalised grey level non-uniformity <pre>Σ_i p_g(i)² / N_r²</pre> (IBSI OVBL). */
    public double grayLevelNonUniformityNormalized() {
        return mean(a -> sumSq(pg[a]) / (nr[a] * nr[a]));
    }

    /** Run length non-uniformity <pre>Σ_j p_r(j)² / N_r</pre> (IBSI W92Y). */
    public double runLengthNonUniformity() {
        return mean(a -> sumSq(pr[a]) / nr[a]);
    }

    /** Normalised run length non-uniformity <pre>Σ_j p_r(j)² / N_r²</pre> (IBSI IC23). */
    public double runLengthNonUniformityNormalized() {
        return mean(a -> sumSq(pr[a]) / (nr[a] * nr[a]));
    }

    /** Run percentage <pre>N_r / N_p, N_p = Σ_j j p_r(j)</pre> (IBSI 9ZK5). */
    public double runPercentage() {
        return mean(a -> nr[a] / byRun(a, j -> j));
    }

    /** Grey level variance <pre>Σ_i p(i)(i − μ)², p(i) = p_g(i)/N_r, μ = Σ_i p(i) i</pre> (IBSI 8CE5). */
    public double grayLevelVariance() {
        return mean(a -> {
            double mu = byLevel(a, i -> i) / nr[a];
            return byLevel(a, i -> (i - mu) * (i - mu)) / nr[a];
        });
    }

    /** Run variance <pre>Σ_j p(j)(j − μ)², p(j) = p_r(j)/N_r, μ = Σ_j p(j) j</pre> (IBSI SXLW). */
    public double runVariance() {
        return mean(a -> {
            double mu = byRun(a, j -> j) / nr[a];
            return byRun(a, j -> (j - mu) * (j - mu)) / nr[a];
        });
    }

    /** Run entropy <pre>−Σ_i Σ_j p(i,j) log₂(p(i,j) + ε), p = P/N_r</pre> (IBSI HJ9O). */
    public double runEntropy() {
        return mean(a -> {
            double h = 0;
            for (double[] row : m[a]) {
                for (double x : row) {
                    double q = x / nr[a];
                    h -= q * GlcmFeatures.log2(q + GlcmFeatures.EPS);
                }
            }
            return h;
        });
    }

    /** Low grey level run emphasis <pre>Σ_i p_g(i)/i² / N_r</pre> (IBSI V3SW). */
    public double lowGrayLevelRunEmphasis() {
        return mean(a -> byLevel(a, i -> 1 / (i * i)) / nr[a]);
    }

    /** High grey level run emphasis <pre>Σ_i p_g(i) i² / N_r</pre> (IBSI G3QZ). */
    public double highGrayLevelRunEmphasis() {
        return mean(a -> byLevel(a, i -> i * i) / nr[a]);
    }

    /** Short run low grey level emphasis <pre>Σ P(i,j)/(i² j²) / N_r</pre> (IBSI HTZT). */
    public double shortRunLowGrayLevelEmphasis() {
        return mean(a -> byBoth(a, (i, j) -> 1 / (i * i * j * j)) / nr[a]);
    }

    /** Short run high grey level emphasis <pre>Σ P(i,j) i²/j² / N_r</pre> (IBSI GD3A). */
    public double shortRunHighGrayLevelEmphasis() {
        return mean(a -> byBoth(a, (i, j) -> i * i / (j * j)) / nr[a]);
    }

    /** Long run low grey level emphasis <pre>Σ P(i,j) j²/i² / N_r</pre> (IBSI IVPO). */
    public double longRunLowGrayLevelEmphasis() {
        return mean(a -> byBoth(a, (i, j) -> j * j / (i * i)) / nr[a]);
    }

    /** Long run high grey level emphasis <pre>Σ P(i,j) i² j² / N_r</pre> (IBSI 3KUM). */
    public double longRunHighGrayLevelEmphasis() {
        return mean(a -> byBoth(a, (i, j) -> i * i * j * j) / nr[a]);
    }

    static double sumSq(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }
}
