package org.radstream.radiomics.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.Volume;

/**
 * LBP-3D's sphere sampling against SciPy's {@code map_coordinates(order=3)}, the call PyRadiomics'
 * {@code getLBP3DImage} makes, on a 5×4×3 image: every axis is short, so the mirror-symmetric initialisation
 * of the B-spline prefilter matters at every point. Expected values from SciPy 1.17.1 / numpy 2.4.6:
 * <pre>
 *   z, y, x = np.meshgrid(np.arange(3), np.arange(4), np.arange(5), indexing='ij')
 *   im = ((x * 7 + y * 13 + z * 29) % 17 - 8).astype(np.float64)
 *   scipy.ndimage.map_coordinates(im, points.T, order=3)      # points = voxel (z, y, x) + offset
 * </pre>
 */
class BSpline3Test {

    /** voxel z, y, x; offset dz, dy, dx; SciPy's value. */
    private static final double[][] SCIPY = {
        {1, 1, 2, 0.3, -0.4, 0.5, 2.1844249741071424},
        {1, 1, 2, 0.7, 0.2, -0.6, 0.004568410971433836},
        {1, 1, 2, -0.45, 0.55, 0.1, -4.354998444752719},
        {1, 1, 2, 0.0, 0.5, -0.5, 0.2896205357142874},
        {1, 2, 1, 0.3, -0.4, 0.5, -0.22174978750000074},
        {1, 2, 1, 0.7, 0.2, -0.6, 3.0419867435428536},
        {1, 2, 1, -0.45, 0.55, 0.1, 3.923931214281908},
        {1, 2, 1, 0.0, 0.5, -0.5, -4.138671875000006},
        {1, 1, 1, 0.3, -0.4, 0.5, -1.1628076616071403},
        {1, 1, 1, 0.7, 0.2, -0.6, -0.9077363094857146},
        {1, 1, 1, -0.45, 0.55, 0.1, 4.644953503763248},
        {1, 1, 1, 0.0, 0.5, -0.5, 2.8889508928571486},
        {0, 1, 3, 0.3, -0.4, 0.5, -2.6581433187499983},
        {0, 1, 3, 0.7, 0.2, -0.6, -1.7043834400000009},
        {0, 1, 3, 0.0, 0.5, -0.5, -0.32812500000000044},
        {2, 2, 3, -0.45, 0.55, 0.1, 0.5980929172192047},
        {2, 2, 3, 0.0, 0.5, -0.5, 4.800223214285714},
    };

    @Test
    void matchesScipyMapCoordinatesOnShortAxes() {
        Geometry g = Geometry.of(5, 4, 3, 1, 1, 1);
        float[] v = new float[g.voxelCount()];
        for (int z = 0; z < 3; z++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    v[g.index(x, y, z)] = (x * 7 + y * 13 + z * 29) % 17 - 8;
                }
            }
        }
        BSpline3 spline = new BSpline3(new Volume(g, v));
        for (double[] r : SCIPY) {
            double got = spline.at((int) r[0], (int) r[1], (int) r[2], BSpline3.stencil(r[3], r[4], r[5]));
            assertEquals(r[6], got, 1e-12, () -> java.util.Arrays.toString(r));
        }
    }

    /**
     * PyRadiomics passes the image array in its own dtype, and SciPy returns samples in that dtype. For int16:
     * {@code map_coordinates(np.array([0, 1, 3, -1, -2], dtype=np.int16), [[0.5, 1.25, 2.5, 3.5, 0.4]], order=1)}
     * gives {@code [1, 2, 1, -2, 0]} where the float result is {@code [0.5, 1.5, 1.0, -1.5, 0.4]} (half away from zero).
     */
    @Test
    void samplesTakeTheImageTypeAsScipyReturnsThem() {
        double[] interpolated = {0.5, 1.5, 1.0, -1.5, 0.4};
        double[] scipyInt16 = {1, 2, 1, -2, 0};
        for (int i = 0; i < interpolated.length; i++) {
            assertEquals(scipyInt16[i], LbpFilter.inImageType(interpolated[i], true), 0);
        }
        // float32 image: a plateau sample 5 + 8.9e-16 (SciPy's float64 result) is exactly 5 in float32
        assertEquals(5.0, LbpFilter.inImageType(5 + 8.881784197001252e-16, false), 0);
    }
}
