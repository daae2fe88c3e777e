package org.radstream.imaging.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/** The resampling grid and the label/integer variants of {@link Resampler} used by the radiomics module. */
class ResamplingGridTest {

    /**
     * PyRadiomics skips interpolation when {@code numpy.allclose(imageSpacing, resampledPixelSpacing)}.
     * Expected values from numpy 2.4.6:
     * {@code np.allclose([3.00002,1,1],[3,1,1])} True, {@code np.allclose([0.500008,1,1],[0.5,1,1])} False,
     * {@code np.allclose([1,1,2.1],[1,1,2.10002])} True.
     */
    @Test
    void sameSpacingIsNumpyAllclose() {
        assertTrue(ResamplingGrid.sameSpacing(new double[] {3.00002, 1, 1}, new double[] {3, 1, 1}));
        assertFalse(ResamplingGrid.sameSpacing(new double[] {0.500008, 1, 1}, new double[] {0.5, 1, 1}));
        assertTrue(ResamplingGrid.sameSpacing(new double[] {1, 1, 2.1}, new double[] {1, 1, 2.10002}));
    }

    @Test
    void spacingKeepsTheMaskSpacingForZeroAndOneVoxelAxes() {
        double[] requested = {0.5, 0, 1};
        assertArrayEquals(new double[] {0.5, 0.8, 3}, ResamplingGrid.spacing(requested, new double[] {0.7, 0.8, 3},
                new int[] {4, 4, 1}));
        assertArrayEquals(new double[] {0.5, 0, 1}, requested, "input not modified");
    }

    /**
     * Along x: mask spacing 1, new spacing 0.5 (r = 2), ROI lo 2 size 3, pad 1:
     * L = ⌊1.5·2 − 1⌋ = 2, U = ⌈4.5·2 + 1⌉ = 10, size 9, origin index ½(0.5 − 1) + 2/2 = 0.75.
     * Along y (r = 1, lo 3 size 3): L = ⌊2.5 − 1⌋ = 1, U = ⌈5.5 + 1⌉ = 7, size 7, origin index 1.
     * Along z (r = 2, lo 8 size 2): L = ⌊7.5·2 − 1⌋ = 14, U = min(⌈9.5·2 + 1⌉, ⌈10·2⌉ − 1) = 19, size 6,
     * origin index −0.25 + 7 = 6.75.
     */
    @Test
    void gridFollowsResampleImage() {
        Geometry mask = Geometry.of(10, 10, 10, 1, 1, 1);
        Geometry g = ResamplingGrid.around(mask, new int[] {2, 3, 8}, new int[] {3, 3, 2}, new double[] {0.5, 1, 0.5}, 1);
        assertEquals(9, g.nx());
        assertEquals(0.75, g.origin()[0], 1e-12);
        assertEquals(7, g.ny());
        assertEquals(1, g.origin()[1], 1e-12);
        assertEquals(6, g.nz());
        assertEquals(6.75, g.origin()[2], 1e-12);
    }

    @Test
    void labelsKeepTheirValuesAndIntegerOutputTruncatesTowardZero() {
        Geometry src = Geometry.of(3, 1, 1, 1, 1, 1);
        LabelMap labels = new LabelMap(src, new int[] {0, 2, 7});
        // target voxel centres at x = 0.5 (half-way: rounds up to 1), 1.5 (→ 2) and 2.5 (outside [−0.5, 2.5): 0)
        Geometry target = new Geometry(3, 1, 1, new double[] {1, 1, 1}, new double[] {0.5, 0, 0}, src.direction());
        Geometry tilted = new Geometry(1, 1, 1, new double[] {1, 1, 1}, new double[] {2.4, 0, 0}, src.direction());
        assertArrayEquals(new int[] {2, 7, 0}, Resampler.resampleLabels(labels, target).labels());
        assertArrayEquals(new int[] {7}, Resampler.resampleLabels(labels, tilted).labels());

        Volume v = new Volume(src, new float[] {1, 2, -2});
        Geometry mid = new Geometry(2, 1, 1, new double[] {1, 1, 1}, new double[] {0.5, 0, 0}, src.direction());
        assertArrayEquals(new float[] {1.5f, 0f}, Resampler.resample(v, mid, Interpolator.LINEAR).voxels());
        assertArrayEquals(new float[] {1f, 0f}, Resampler.resample(v, mid, Interpolator.LINEAR, true).voxels());
        Volume neg = new Volume(src, new float[] {-1, -2, 0});
        assertArrayEquals(new float[] {-1f, -1f}, Resampler.resample(neg, mid, Interpolator.LINEAR, true).voxels());
    }
}
