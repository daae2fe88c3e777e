package org.radstream.radiomics.features;

import java.util.List;

/**
 * Neighbouring Grey Tone Difference Matrix features (PyRadiomics {@code ngtdm}, IBSI "NGTDM", code IPET).
 *
 * <p>For each ROI voxel of grey level i, {@code Ā} is the mean grey level of its neighbours (offsets of
 * {@link Angles}, both directions, requested {@code distances}) that lie in the ROI; {@code s_i} sums
 * {@code |i − Ā|} over voxels of level i (0 for a voxel without ROI neighbours, which is still counted).
 * {@code n_i} voxels of level i, {@code N_vp = Σ n_i}, {@code p_i = n_i/N_vp}, {@code N_gp} levels present.
 */
public final class NgtdmFeatures {
    public static final List<Feature<NgtdmFeatures>> FEATURES = List.of(
            Feature.of("Coarseness", NgtdmFeatures::coarseness),
            Feature.of("Contrast", NgtdmFeatures::contrast),
            Feature.of("Busyness", NgtdmFeatures::busyness),
            Feature.of("Complexity", NgtdmFeatures::complexity),
            Feature.of("Strength", NgtdmFeatures::strength));

    private final double[] g;
    private final double[] p;
    private final double[] s;
    private final double nvp;
    private final int ngp;

    NgtdmFeatures(TextureInput in) {
        g = in.levelValues();
        int[] li = in.levelIndex();
        int nx = in.roi().nx();
        int ny = in.roi().ny();
        int nz = in.roi().nz();
        int[][] angles = Angles.generate(in.sizeZyx(), in.settings().distances(), true, in.force2Ddim());
        int[] steps = new int[angles.length];
        for (int a = 0; a < angles.length; a++) {
            steps[a] = in.step(angles[a]);
        }
        int[] bins = in.disc().bins();
        boolean[] mask = in.roi().mask();
        double[] n = new double[g.length];
        s = new double[g.length];
        int v = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, v++) {
                    if (!mask[v]) {
                        continue;
                    }
                    double count = 0;
                    double sum = 0;
                    for (int a = 0; a < angles.length; a++) {
                        if (in.inside(x, y, z, angles[a])) {
                            int w = v + steps[a];
                            if (mask[w]) {
                                count++;
                                sum += bins[w];
                            }
                        }
                    }
                    double diff = count == 0 ? 0 : Math.abs(bins[v] - sum / count);
                    int k = li[bins[v]];
                    n[k]++;
                    s[k] += diff;
                }
            }
        }
        double total = 0;
        int present = 0;
        for (double c : n) {
            total += c;
            present += c > 0 ? 1 : 0;
        }
        nvp = total;
        ngp = present;
        p = new double[g.length];
        for (int k = 0; k < g.length; k++) {
            p[k] = n[k] / nvp;
        }
    }

    /** Coarseness <pre>1 / Σ_i p_i s_i</pre>, 10⁶ when the sum is 0 (flat region; PyRadiomics' cap) (IBSI QCDE). */
    public double coarseness() {
        double sum = 0;
        for (int i = 0; i < g.length; i++) {
            sum += p[i] * s[i];
        }
        return sum == 0 ? 1e6 : 1 / sum;
    }

    /**
     * Contrast <pre>(1/(N_gp(N_gp − 1)) Σ_i Σ_j p_i p_j (i − j)²) (Σ_i s_i / N_vp)</pre>, 0 when one level
     * (IBSI 65HE).
     */
    public double contrast() {
        if (ngp <= 1) {
            return 0;
        }
        double a = 0;
        double ss = 0;
        for (int i = 0; i < g.length; i++) {
            ss += s[i];
            for (int j = 0; j < g.length; j++) {
                a += p[i] * p[j] * (g[i] - g[j]) * (g[i] - g[j]);
            }
        }
        return a * ss / nvp / ((double) ngp * (ngp - 1));
    }

    /** Busyness <pre>Σ_i p_i s_i / Σ_i Σ_j |i p_i − j p_j|</pre>, 0 when the denominator is 0 (IBSI NQ30). */
    public double busyness() {
        double num = 0;
        double den = 0;
        for (int i = 0; i < g.length; i++) {
            num += p[i] * s[i];
            for (int j = 0; j < g.length; j++) {
                den += Math.abs(g[i] * p[i] - g[j] * p[j]);
            }
        }
        return den == 0 ? 0 : num / den;
    }

    /** Complexity <pre>(1/N_vp) Σ_i Σ_j |i − j| (p_i s_i + p_j s_j)/(p_i + p_j)</pre> (IBSI HDEZ). */
    public double complexity() {
        double c = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                double div = p[i] + p[j];
                c += Math.abs(g[i] - g[j]) * (p[i] * s[i] + p[j] * s[j]) / (div == 0 ? 1 : div);
            }
        }
        return c / nvp;
    }

    /** Strength <pre>Σ_i Σ_j (p_i + p_j)(i − j)² / Σ_i s_i</pre>, 0 when Σ s_i = 0 (IBSI 1X9X). */
    public double strength() {
        double num = 0;
        double ss = 0;
        for (int i = 0; i < g.length; i++) {
            ss += s[i];
            for (int j = 0; j < g.length; j++) {
                num += (p[i] + p[j]) * (g[i] - g[j]) * (g[i] - g[j]);
            }
        }
        return ss == 0 ? 0 : num / ss;
    }
}
