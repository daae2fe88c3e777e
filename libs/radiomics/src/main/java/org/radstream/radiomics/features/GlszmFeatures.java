package org.radstream.radiomics.features;

import java.util.List;

/**
 * Grey Level Size Zone Matrix features (PyRadiomics {@code glszm}, IBSI "GLSZM", code 9SAK).
 *
 * <p>A zone is a connected set of ROI voxels with the same grey level; connectivity is every offset of
 * {@link Angles} at distance 1 in both directions (26-connected in 3D, 8-connected in a 2D ROI or with
 * force2D). {@code P(i,j)} counts zones of grey level i and size j; {@code N_z} zones, {@code N_p} voxels,
 * {@code p_g(i) = Σ_j P(i,j)}, {@code p_s(j) = Σ_i P(i,j)}. One matrix for the whole ROI ("3D" in IBSI).
 */
public final class GlszmFeatures {
    public static final List<Feature<GlszmFeatures>> FEATURES = List.of(
            Feature.of("SmallAreaEmphasis", GlszmFeatures::smallAreaEmphasis),
            Feature.of("LargeAreaEmphasis", GlszmFeatures::largeAreaEmphasis),
            Feature.of("GrayLevelNonUniformity", GlszmFeatures::grayLevelNonUniformity),
            Feature.of("GrayLevelNonUniformityNormalized", GlszmFeatures::grayLevelNonUniformityNormalized),
            Feature.of("SizeZoneNonUniformity", GlszmFeatures::sizeZoneNonUniformity),
            Feature.of("SizeZoneNonUniformityNormalized", GlszmFeatures::sizeZoneNonUniformityNormalized),
            Feature.of("ZonePercentage", GlszmFeatures::zonePercentage),
            Feature.of("GrayLevelVariance", GlszmFeatures::grayLevelVariance),
            Feature.of("ZoneVariance", GlszmFeatures::zoneVariance),
            Feature.of("ZoneEntropy", GlszmFeatures::zoneEntropy),
            Feature.of("LowGrayLevelZoneEmphasis", GlszmFeatures::lowGrayLevelZoneEmphasis),
            Feature.of("HighGrayLevelZoneEmphasis", GlszmFeatures::highGrayLevelZoneEmphasis),
            Feature.of("SmallAreaLowGrayLevelEmphasis", GlszmFeatures::smallAreaLowGrayLevelEmphasis),
            Feature.of("SmallAreaHighGrayLevelEmphasis", GlszmFeatures::smallAreaHighGrayLevelEmphasis),
            Feature.of("LargeAreaLowGrayLevelEmphasis", GlszmFeatures::largeAreaLowGrayLevelEmphasis),
            Feature.of("LargeAreaHighGrayLevelEmphasis", GlszmFeatures::largeAreaHighGrayLevelEmphasis));

    private final SizeMatrix z;

    GlszmFeatures(TextureInput in) {
        double[] g = in.levelValues();
        int[] li = in.levelIndex();
        int nx = in.roi().nx();
        int ny = in.roi().ny();
        int nz = in.roi().nz();
        int[][] angles = Angles.generate(in.sizeZyx(), new int[] {1}, true, in.force2Ddim());
        int[] steps = new int[angles.length];
        for (int a = 0; a < angles.length; a++) {
            steps[a] = in.step(angles[a]);
        }
        int[] bins = in.disc().bins();
        boolean[] todo = in.roi().mask().clone();
        int n = todo.length;
        double[][] counts = new double[g.length][in.roi().count() + 1];
        int[] stack = new int[in.roi().count()];
        int maxSize = 0;
        for (int v = 0; v < n; v++) {
            if (!todo[v]) {
                continue;
            }
            int gl = bins[v];
            int top = 0;
            int size = 0;
            stack[top++] = v;
            todo[v] = false;
            while (top > 0) {
                int k = stack[--top];
                size++;
                int x = k % nx;
                int y = (k / nx) % ny;
                int zz = k / (nx * ny);
                for (int a = 0; a < angles.length; a++) {
                    if (in.inside(x, y, zz, angles[a])) {
                        int w = k + steps[a];
                        if (todo[w] && bins[w] == gl) {
                            todo[w] = false;
                            stack[top++] = w;
                        }
                    }
                }
            }
            counts[li[gl]][size]++;
            maxSize = Math.max(maxSize, size);
        }
        z = new SizeMatrix(g, counts, maxSize);
    }

    /** Small area emphasis <pre>Σ_j p_s(j)/j² / N_z</pre> (IBSI 5QRC). */
    public double smallAreaEmphasis() {
        return z.bySize(j -> 1 / (j * j)) / z.nz;
    }

    /** Large area emphasis <pre>Σ_j p_s(j) j² / N_z</pre> (IBSI 48P8). */
    public double largeAreaEmphasis() {
        return z.bySize(j -> j * j) / z.nz;
    }

    /** Grey level non-uniformity <pre>Σ_i p_g(i)² / N_z</pre> (IBSI JNSA). */
    public double grayLevelNonUniformity() {
        return GlrlmFeatures.sumSq(z.pg) / z.nz;
    }

    /** Normalised grey level non-uniformity <pre>Σ_i p_g(i)² / N_z²</pre> (IBSI Y1RO). */
    public double grayLevelNonUniformityNormalized() {
        return GlrlmFeatures.sumSq(z.pg) / (z.nz * z.nz);
    }

    /** Size zone non-uniformity <pre>Σ_j p_s(j)² / N_z</pre> (IBSI 4JP3). */
    public double sizeZoneNonUniformity() {
        return GlrlmFeatures.sumSq(z.ps) / z.nz;
    }

    /** Normalised size zone non-uniformity <pre>Σ_j p_s(j)² / N_z²</pre> (IBSI VB3A). */
    public double sizeZoneNonUniformityNormalized() {
        return GlrlmFeatures.sumSq(z.ps) / (z.nz * z.nz);
    }

    /** Zone percentage <pre>N_z / N_p</pre> (IBSI P30P). */
    public double zonePercentage() {
        return z.nz / z.np;
    }

    /** Grey level variance <pre>Σ_i p(i)(i − μ)², p(i) = p_g(i)/N_z</pre> (IBSI BYLV). */
    public double grayLevelVariance() {
        return z.levelVariance();
    }

    /** Zone size variance <pre>Σ_j p(j)(j − μ)², p(j) = p_s(j)/N_z</pre> (IBSI 3NSA). */
    public double zoneVariance() {
        return z.sizeVariance();
    }

    /** Zone size entropy <pre>−Σ p(i,j) log₂(p(i,j) + ε), p = P/N_z</pre> (IBSI GU8N). */
    public double zoneEntropy() {
        return z.entropy();
    }

    /** Low grey level zone emphasis <pre>Σ_i p_g(i)/i² / N_z</pre> (IBSI XMSY). */
    public double lowGrayLevelZoneEmphasis() {
        return z.byLevel(i -> 1 / (i * i)) / z.nz;
    }

    /** High grey level zone emphasis <pre>Σ_i p_g(i) i² / N_z</pre> (IBSI 5GN9). */
    public double highGrayLevelZoneEmphasis() {
        return z.byLevel(i -> i * i) / z.nz;
    }

    /** Small area low grey level emphasis <pre>Σ P(i,j)/(i² j²) / N_z</pre> (IBSI 5RAI). */
    public double smallAreaLowGrayLevelEmphasis() {
        return z.byBoth((i, j) -> 1 / (i * i * j * j)) / z.nz;
    }

    /** Small area high grey level emphasis <pre>Σ P(i,j) i²/j² / N_z</pre> (IBSI HW1V). */
    public double smallAreaHighGrayLevelEmphasis() {
        return z.byBoth((i, j) -> i * i / (j * j)) / z.nz;
    }

    /** Large area low grey level emphasis <pre>Σ P(i,j) j²/i² / N_z</pre> (IBSI YH51). */
    public double largeAreaLowGrayLevelEmphasis() {
        return z.byBoth((i, j) -> j * j / (i * i)) / z.nz;
    }

    /** Large area high grey level emphasis <pre>Σ P(i,j) i² j² / N_z</pre> (IBSI J17V). */
    public double largeAreaHighGrayLevelEmphasis() {
        return z.byBoth((i, j) -> i * i * j * j) / z.nz;
    }
}
