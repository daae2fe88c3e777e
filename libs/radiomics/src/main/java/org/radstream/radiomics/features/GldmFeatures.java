package org.radstream.radiomics.features;

import java.util.List;

/**
 * Grey Level Dependence Matrix features (PyRadiomics {@code gldm}; IBSI "NGLDM", code REK0, with the
 * centre voxel counted so that j = dependents + 1).
 *
 * <p>For each ROI voxel of grey level i, the dependents are the neighbours (offsets of {@link Angles} in
 * both directions at the requested {@code distances}) inside the ROI with {@code |i − i_neighbour| ≤ α}
 * ({@code gldm_a}). {@code P(i,j)} counts voxels of grey level i with j − 1 dependents; {@code N_z} is the
 * number of ROI voxels, {@code p_g}, {@code p_d} the marginals.
 */
public final class GldmFeatures {
    public static final List<Feature<GldmFeatures>> FEATURES = List.of(
            Feature.of("SmallDependenceEmphasis", GldmFeatures::smallDependenceEmphasis),
            Feature.of("LargeDependenceEmphasis", GldmFeatures::largeDependenceEmphasis),
            Feature.of("GrayLevelNonUniformity", GldmFeatures::grayLevelNonUniformity),
            Feature.removed("GrayLevelNonUniformityNormalized"),
            Feature.of("DependenceNonUniformity", GldmFeatures::dependenceNonUniformity),
            Feature.of("DependenceNonUniformityNormalized", GldmFeatures::dependenceNonUniformityNormalized),
            Feature.of("GrayLevelVariance", GldmFeatures::grayLevelVariance),
            Feature.of("DependenceVariance", GldmFeatures::dependenceVariance),
            Feature.of("DependenceEntropy", GldmFeatures::dependenceEntropy),
            Feature.removed("DependencePercentage"),
            Feature.of("LowGrayLevelEmphasis", GldmFeatures::lowGrayLevelEmphasis),
            Feature.of("HighGrayLevelEmphasis", GldmFeatures::highGrayLevelEmphasis),
            Feature.of("SmallDependenceLowGrayLevelEmphasis", GldmFeatures::smallDependenceLowGrayLevelEmphasis),
            Feature.of("SmallDependenceHighGrayLevelEmphasis", GldmFeatures::smallDependenceHighGrayLevelEmphasis),
            Feature.of("LargeDependenceLowGrayLevelEmphasis", GldmFeatures::largeDependenceLowGrayLevelEmphasis),
            Feature.of("LargeDependenceHighGrayLevelEmphasis", GldmFeatures::largeDependenceHighGrayLevelEmphasis));

    private final SizeMatrix d;

    GldmFeatures(TextureInput in) {
        double[] g = in.levelValues();
        int[] li = in.levelIndex();
        int nx = in.roi().nx();
        int ny = in.roi().ny();
        int nz = in.roi().nz();
        int[][] angles = Angles.generate(in.sizeZyx(), in.settings().distances(), true, in.force2Ddim());
        int[] steps = new int[angles.length];
        for (int a = 0; a < angles.length; a++) {
            steps[a] = in.step(angles[a]);
        }
        int alpha = in.settings().gldmA();
        int[] bins = in.disc().bins();
        boolean[] mask = in.roi().mask();
        double[][] counts = new double[g.length][angles.length + 2];
        int maxJ = 0;
        int v = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, v++) {
                    if (!mask[v]) {
                        continue;
                    }
                    int dep = 0;
                    for (int a = 0; a < angles.length; a++) {
                        if (in.inside(x, y, z, angles[a])) {
                            int w = v + steps[a];
                            if (mask[w] && Math.abs(bins[v] - bins[w]) <= alpha) {
                                dep++;
                            }
                        }
                    }
                    counts[li[bins[v]]][dep + 1]++;
                    maxJ = Math.max(maxJ, dep + 1);
                }
            }
        }
        d = new SizeMatrix(g, counts, maxJ);
    }

    /** Small dependence emphasis <pre>Σ_j p_d(j)/j² / N_z</pre> (IBSI SODN). */
    public double smallDependenceEmphasis() {
        return d.bySize(j -> 1 / (j * j)) / d.nz;
    }

    /** Large dependence emphasis <pre>Σ_j p_d(j) j² / N_z</pre> (IBSI IMOQ). */
    public double largeDependenceEmphasis() {
        return d.bySize(j -> j * j) / d.nz;
    }

    /** Grey level non-uniformity <pre>Σ_i p_g(i)² / N_z</pre> (IBSI FP8K). */
    public double grayLevelNonUniformity() {
        return GlrlmFeatures.sumSq(d.pg) / d.nz;
    }

    /** Dependence non-uniformity <pre>Σ_j p_d(j)² / N_z</pre> (IBSI Z87G). */
    public double dependenceNonUniformity() {
        return GlrlmFeatures.sumSq(d.ps) / d.nz;
    }

    /** Normalised dependence non-uniformity <pre>Σ_j p_d(j)² / N_z²</pre> (IBSI OKJI). */
    public double dependenceNonUniformityNormalized() {
        return GlrlmFeatures.sumSq(d.ps) / (d.nz * d.nz);
    }

    /** Grey level variance <pre>Σ_i p(i)(i − μ)², p(i) = p_g(i)/N_z</pre> (IBSI 1PFV). */
    public double grayLevelVariance() {
        return d.levelVariance();
    }

    /** Dependence variance <pre>Σ_j p(j)(j − μ)², p(j) = p_d(j)/N_z</pre> (IBSI DNX2). */
    public double dependenceVariance() {
        return d.sizeVariance();
    }

    /** Dependence entropy <pre>−Σ p(i,j) log₂(p(i,j) + ε), p = P/N_z</pre> (IBSI FCBV). */
    public double dependenceEntropy() {
        return d.entropy();
    }

    /** Low grey level emphasis <pre>Σ_i p_g(i)/i² / N_z</pre> (IBSI TL9H). */
    public double lowGrayLevelEmphasis() {
        return d.byLevel(i -> 1 / (i * i)) / d.nz;
    }

    /** High grey level emphasis <pre>Σ_i p_g(i) i² / N_z</pre> (IBSI OAE7). */
    public double highGrayLevelEmphasis() {
        return d.byLevel(i -> i * i) / d.nz;
    }

    /** Small dependence low grey level emphasis <pre>Σ P(i,j)/(i² j²) / N_z</pre> (IBSI EQ3F). */
    public double smallDependenceLowGrayLevelEmphasis() {
        return d.byBoth((i, j) -> 1 / (i * i * j * j)) / d.nz;
    }

    /** Small dependence high grey level emphasis <pre>Σ P(i,j) i²/j² / N_z</pre> (IBSI JA6D). */
    public double smallDependenceHighGrayLevelEmphasis() {
        return d.byBoth((i, j) -> i * i / (j * j)) / d.nz;
    }

    /** Large dependence low grey level emphasis <pre>Σ P(i,j) j²/i² / N_z</pre> (IBSI NBZI). */
    public double largeDependenceLowGrayLevelEmphasis() {
        return d.byBoth((i, j) -> j * j / (i * i)) / d.nz;
    }

    /** Large dependence high grey level emphasis <pre>Σ P(i,j) i² j² / N_z</pre> (IBSI 9QMG). */
    public double largeDependenceHighGrayLevelEmphasis() {
        return d.byBoth((i, j) -> i * i * j * j) / d.nz;
    }
}
