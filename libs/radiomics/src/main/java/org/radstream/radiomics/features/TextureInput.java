package org.radstream.radiomics.features;

import org.radstream.radiomics.ExtractionSettings;
import org.radstream.radiomics.preprocess.CroppedRoi;
import org.radstream.radiomics.preprocess.Discretiser.Discretised;

/**
 * What every texture family reads: the cropped ROI, its discretisation and the settings, plus the
 * lookup from bin index to the compact index {@code 0..levels-1} of the grey levels present (PyRadiomics
 * deletes the rows of absent grey levels, so only present levels enter any sum).
 */
record TextureInput(CroppedRoi roi, Discretised disc, ExtractionSettings settings) {

    /** Compact index per bin index (-1 for bins absent from the ROI). */
    int[] levelIndex() {
        int[] idx = new int[disc.ng() + 1];
        java.util.Arrays.fill(idx, -1);
        int[] g = disc.greyLevels();
        for (int k = 0; k < g.length; k++) {
            idx[g[k]] = k;
        }
        return idx;
    }

    /** Grey-level values (bin indices) of the compact levels, as doubles. */
    double[] levelValues() {
        return java.util.Arrays.stream(disc.greyLevels()).asDoubleStream().toArray();
    }

    int[] sizeZyx() {
        return new int[] {roi.nz(), roi.ny(), roi.nx()};
    }

    int force2Ddim() {
        return settings.force2D() ? settings.force2Ddimension() : -1;
    }

    /** Flat-index step of an offset (dz, dy, dx). */
    int step(int[] a) {
        return a[0] * roi.nx() * roi.ny() + a[1] * roi.nx() + a[2];
    }

    /** True when voxel (x, y, z) moved by offset a stays inside the ROI box. */
    boolean inside(int x, int y, int z, int[] a) {
        int zz = z + a[0];
        int yy = y + a[1];
        int xx = x + a[2];
        return zz >= 0 && zz < roi.nz() && yy >= 0 && yy < roi.ny() && xx >= 0 && xx < roi.nx();
    }

    /** Weight of an offset for {@code weightingNorm} with spacing in numpy order, squared-exponential (GLCM) or distance (GLRLM). */
    double[] angleDistances(int[][] angles) {
        double[] out = new double[angles.length];
        double[] sp = {roi.spacingNumpy(0), roi.spacingNumpy(1), roi.spacingNumpy(2)};
        for (int a = 0; a < angles.length; a++) {
            double max = 0;
            double sumSq = 0;
            double sum = 0;
            for (int d = 0; d < 3; d++) {
                double v = Math.abs(angles[a][d]) * sp[d];
                max = Math.max(max, v);
                sumSq += v * v;
                sum += v;
            }
            out[a] = switch (settings.weightingNorm()) {
                case INFINITY -> max;
                case EUCLIDEAN -> Math.sqrt(sumSq);
                case MANHATTAN -> sum;
                default -> Double.NaN; // NO_WEIGHTING: weight 1
            };
        }
        return out;
    }
}
