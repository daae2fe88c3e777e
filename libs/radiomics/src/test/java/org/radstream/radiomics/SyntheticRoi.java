package org.radstream.radiomics;

import java.util.SplittableRandom;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/**
 * A realistic study ROI: a 3 cm tumour (ellipse 30 × 26 mm) drawn on one axial slice of a 1 mm isotropic,
 * z-scored liver-like neighbourhood (tumour brighter, smooth texture plus noise), with the slices above and
 * below the filters need. Seeded, so every run sees the same image.
 */
final class SyntheticRoi {
    final Volume image;
    final LabelMap mask;

    SyntheticRoi(long seed, int nx, int ny, int nz) {
        Geometry g = new Geometry(nx, ny, nz, new double[] {1, 1, 1}, new double[] {-20, -30, 10},
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[g.voxelCount()];
        int[] l = new int[g.voxelCount()];
        double cx = nx / 2.0;
        double cy = ny / 2.0;
        double cz = nz / 2.0;
        double[][] waves = new double[6][4];
        for (double[] w : waves) {
            w[0] = r.nextDouble(0.1, 0.5);
            w[1] = r.nextDouble(0.1, 0.5);
            w[2] = r.nextDouble(0.1, 0.5);
            w[3] = r.nextDouble(0, 2 * Math.PI);
        }
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double e = ((x - cx) / 15) * ((x - cx) / 15) + ((y - cy) / 13) * ((y - cy) / 13)
                            + ((z - cz) / 12) * ((z - cz) / 12);
                    double tex = 0;
                    for (double[] w : waves) {
                        tex += 0.25 * Math.sin(w[0] * x + w[1] * y + w[2] * z + w[3]);
                    }
                    double val = (e < 1 ? 1.2 + 0.4 * (1 - e) : -0.3) + tex + 0.3 * r.nextGaussian();
                    int i = g.index(x, y, z);
                    v[i] = (float) val;
                    if (z == nz / 2 && e < 1) {
                        l[i] = 1;
                    }
                }
            }
        }
        image = new Volume(g, v);
        mask = new LabelMap(g, l);
    }
}
