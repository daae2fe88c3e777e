package org.radstream.imaging.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.SharedData;
import org.radstream.imaging.Volume;
import org.radstream.imaging.io.NrrdReader;

class RoiPreprocessorTest {

    // ------------------------------------------------------------ interpolation, by hand

    /**
     * Cubic B-spline interpolation of a unit impulse is the cardinal cubic spline η. With the
     * coefficients c_k = √3 z^|k| (z = √3 − 2) and β³(½) = 23/48, β³(3/2) = 1/48:
     * η(½) = √3/48 (23 + 24 z + z²) = (10 − 3√3)/8 = 0.6004809…; η at integers is 1 at 0 and 0 elsewhere.
     */
    @Test
    void bsplineOfAnImpulseIsTheCardinalCubicSpline() {
        float[] v = new float[41];
        v[20] = 1;
        Volume impulse = new Volume(Geometry.of(41, 1, 1, 1, 1, 1), v);
        Geometry half = new Geometry(3, 1, 1, new double[] {1, 1, 1}, new double[] {19.5, 0, 0}, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        float[] out = Resampler.resample(impulse, half, Interpolator.BSPLINE).voxels();
        double eta = (10 - 3 * Math.sqrt(3)) / 8;
        assertEquals(eta, out[0], 1e-6); // x = 19.5
        assertEquals(eta, out[1], 1e-6); // x = 20.5
        Geometry ints = new Geometry(3, 1, 1, new double[] {1, 1, 1}, new double[] {19, 0, 0}, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        assertArrayEquals(new float[] {0, 1, 0}, Resampler.resample(impulse, ints, Interpolator.BSPLINE).voxels(), 1e-6f);
    }

    /** Separable: a 3D impulse gives η(½)³ half a voxel away on every axis. */
    @Test
    void bsplineIsSeparableIn3d() {
        Geometry g = Geometry.of(21, 21, 21, 1, 1, 1);
        float[] v = new float[g.voxelCount()];
        v[g.index(10, 10, 10)] = 1;
        Geometry probe = new Geometry(1, 1, 1, new double[] {1, 1, 1}, new double[] {10.5, 9.5, 10.5}, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        double eta = (10 - 3 * Math.sqrt(3)) / 8;
        assertEquals(eta * eta * eta, Resampler.resample(new Volume(g, v), probe, Interpolator.BSPLINE).voxels()[0], 1e-5);
    }

    /** Linear: [0, 10] sampled at −0.25 (border replicated), 0.25, 0.5, 1.4 and 1.6 (outside → 0). Nearest rounds ½ up. */
    @Test
    void linearAndNearestByHand() {
        Volume two = new Volume(Geometry.of(2, 1, 1, 1, 1, 1), new float[] {0, 10});
        double[] xs = {-0.25, 0.25, 0.5, 1.4, 1.6};
        float[] expectLinear = {0, 2.5f, 5, 10, 0};
        float[] expectNearest = {0, 0, 10, 10, 0};
        for (int t = 0; t < xs.length; t++) {
            Geometry p = new Geometry(1, 1, 1, new double[] {1, 1, 1}, new double[] {xs[t], 0, 0}, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
            assertEquals(expectLinear[t], Resampler.resample(two, p, Interpolator.LINEAR).voxels()[0], 1e-6, "linear at " + xs[t]);
            assertEquals(expectNearest[t], Resampler.resample(two, p, Interpolator.NEAREST).voxels()[0], 0, "nearest at " + xs[t]);
        }
    }

    // ------------------------------------------------------------ z-score, by hand

    /**
     * x = 1, 2, 3, 4: μ = 2.5, σ = √(5/3) = 1.2909944 (n − 1, as ITK); z = ∓1.1618950, ∓0.3872983;
     * removeOutliers 1 clips to ±1; normalizeScale 2 doubles after clipping.
     */
    @Test
    void zScoreByHand() {
        Volume v = new Volume(Geometry.of(4, 1, 1, 1, 1, 1), new float[] {1, 2, 3, 4});
        assertArrayEquals(new float[] {-1.1618950f, -0.3872983f, 0.3872983f, 1.1618950f},
                ZScoreNormalizer.normalize(v, 1, Double.NaN).voxels(), 1e-6f);
        assertArrayEquals(new float[] {-2f, -0.7745967f, 0.7745967f, 2f}, ZScoreNormalizer.normalize(v, 2, 1).voxels(), 1e-6f);
    }

    // ------------------------------------------------------------ the study's step, by hand

    /**
     * Image 4×4×3, spacing 2 mm, value = 10·i (a ramp along x); ROI = voxels i, j ∈ {1, 2} of slice 1.
     * pad 0, linear, no normalisation. x and y: r = 2/1, L = ⌊(1 − ½)·2⌋ = 1, U = ⌈(1 + 2 − ½)·2⌉ = 5,
     * size 5, origin index ½(1 − 2)/2 + 1/2 = 0.25 → origin 0.5 mm. z: one ROI slice keeps 2 mm,
     * L = ⌊½⌋ = 0, U = ⌈1.5⌉ = 2, size 3, origin 0. New x centres 0.5 … 4.5 mm are source indices
     * 0.25, 0.75, 1.25, 1.75, 2.25 → linear values 2.5, 7.5, 12.5, 17.5, 22.5; nearest mask indices
     * 0, 1, 1, 2, 2 → ROI at i = 1…4, j = 1…4, k = 1: 16 voxels.
     */
    @Test
    void studyPreprocessingOfAHandMadeVolume() throws ImageInputException {
        Geometry g = Geometry.of(4, 4, 3, 2, 2, 2);
        float[] v = new float[g.voxelCount()];
        int[] m = new int[g.voxelCount()];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 4; i++) {
                    v[g.index(i, j, k)] = 10 * i;
                    m[g.index(i, j, k)] = k == 1 && i >= 1 && i <= 2 && j >= 1 && j <= 2 ? 1 : 0;
                }
            }
        }
        PreprocessingSettings s = PreprocessingSettings.STUDY.withPadDistance(0).withInterpolator(Interpolator.LINEAR).withNormalize(false);
        PreprocessedRoi roi = new RoiPreprocessor(s).preprocess(new Volume(g, v), new LabelMap(g, m), null, List.of("1.2.3"), "test");
        Geometry out = roi.geometry();
        assertEquals(List.of(5, 5, 3), List.of(out.nx(), out.ny(), out.nz()));
        assertArrayEquals(new double[] {1, 1, 2}, out.spacing());
        assertArrayEquals(new double[] {0.5, 0.5, 0}, out.origin(), 1e-12);
        for (int i = 0; i < 5; i++) {
            assertEquals(2.5f + 5 * i, roi.image().get(i, 2, 1), 1e-5f);
        }
        assertEquals(16, roi.roiVoxels());
        for (int j = 1; j <= 4; j++) {
            for (int i = 1; i <= 4; i++) {
                assertEquals(1, roi.mask().get(i, j, 1));
            }
        }
        assertEquals(s.hash(), roi.settingsHash());
    }

    /** With normalisation the z-scores come from the whole image: ramp 0,10,20,30 per row → μ 15, σ over 48 voxels. */
    @Test
    void normalisationUsesTheWholeImageBeforeResampling() throws ImageInputException {
        Geometry g = Geometry.of(4, 4, 3, 1, 1, 1);
        float[] v = new float[g.voxelCount()];
        int[] m = new int[g.voxelCount()];
        for (int idx = 0; idx < v.length; idx++) {
            v[idx] = 10 * (idx % 4);
        }
        m[g.index(1, 1, 1)] = 1;
        m[g.index(2, 1, 1)] = 1;
        // spacing already 1 mm: PyRadiomics only crops (pad 0 → the 2×1×1 box)
        PreprocessedRoi roi = new RoiPreprocessor(PreprocessingSettings.STUDY.withPadDistance(0)).preprocess(
                new Volume(g, v), new LabelMap(g, m), null, List.of(), "t");
        // Σx = 12·(0+10+20+30) = 720, μ = 15; Σ(x−μ)² = 12·(225+25+25+225) = 6000, σ = √(6000/47)
        double sigma = Math.sqrt(6000.0 / 47);
        assertArrayEquals(new float[] {(float) (-5 / sigma), (float) (5 / sigma)}, roi.image().voxels(), 1e-6f);
        assertArrayEquals(new int[] {1, 1}, roi.mask().labels());
    }

    @Test
    void sameInputGivesBitwiseTheSameOutput() throws IOException {
        Volume image = NrrdReader.readVolume(SharedData.resolve("refdata/pyradiomics-breast1/breast1_image.nrrd"));
        LabelMap mask = NrrdReader.readLabelMap(SharedData.resolve("refdata/pyradiomics-breast1/breast1_label.nrrd"));
        RoiPreprocessor p = new RoiPreprocessor(PreprocessingSettings.STUDY);
        PreprocessedRoi a = p.preprocess(image, mask, null, List.of(), "breast1");
        PreprocessedRoi b = p.preprocess(image, mask, null, List.of(), "breast1");
        assertArrayEquals(a.image().voxels(), b.image().voxels());
        assertArrayEquals(a.mask().labels(), b.mask().labels());
        assertEquals(a.geometry(), b.geometry());
        assertNotEquals(PreprocessingSettings.STUDY.hash(), PreprocessingSettings.STUDY.withPadDistance(5).hash());
    }

    // ------------------------------------------------------------ against PyRadiomics' own baseline

    /**
     * PyRadiomics baseline column breast1_resampling (interpolator sitkBSpline, resampledPixelSpacing
     * [2, 2, 2], padDistance 5, no normalisation; SimpleITK casts the resampled image back to int16):
     * original_firstorder_Mean 126.17391304347827 (= 2902/23), Minimum 82, Maximum 160, Median 125,
     * Variance 391.187145557656.
     */
    @Test
    void breast1ResamplingMatchesPyRadiomicsBaseline() throws IOException {
        Volume image = NrrdReader.readVolume(SharedData.resolve("refdata/pyradiomics-breast1/breast1_image.nrrd"));
        LabelMap mask = NrrdReader.readLabelMap(SharedData.resolve("refdata/pyradiomics-breast1/breast1_label.nrrd"));
        PreprocessingSettings s = PreprocessingSettings.STUDY.withResampledPixelSpacing(2, 2, 2).withPadDistance(5).withNormalize(false);
        PreprocessedRoi roi = new RoiPreprocessor(s).preprocess(image, mask, null, List.of(), "breast1");
        double[] inRoi = roiValues(roi, true);
        assertEquals(23, inRoi.length);
        java.util.Arrays.sort(inRoi);
        double mean = java.util.Arrays.stream(inRoi).average().orElseThrow();
        double var = java.util.Arrays.stream(inRoi).map(x -> (x - mean) * (x - mean)).sum() / inRoi.length;
        assertEquals(126.17391304347827, mean, 1e-9);
        assertEquals(82, inRoi[0]);
        assertEquals(160, inRoi[inRoi.length - 1]);
        assertEquals(125, inRoi[inRoi.length / 2]);
        assertEquals(391.187145557656, var, 1e-9);
    }

    /**
     * Baseline column breast1_normalization (normalize True, normalizeScale 100, no resampling):
     * original_firstorder_Mean 352.75109444893064, Minimum 201.09239971414863, Maximum 513.5129521329793.
     */
    @Test
    void breast1NormalisationMatchesPyRadiomicsBaseline() throws IOException {
        Volume image = NrrdReader.readVolume(SharedData.resolve("refdata/pyradiomics-breast1/breast1_image.nrrd"));
        LabelMap mask = NrrdReader.readLabelMap(SharedData.resolve("refdata/pyradiomics-breast1/breast1_label.nrrd"));
        Volume z = ZScoreNormalizer.normalize(image, 100, Double.NaN);
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < z.voxels().length; i++) {
            if (mask.labels()[i] == 1) {
                sum += z.voxels()[i];
                min = Math.min(min, z.voxels()[i]);
                max = Math.max(max, z.voxels()[i]);
            }
        }
        // float32 voxels, as SimpleITK's Normalize output: agreement to ~1e-5 relative
        assertEquals(352.75109444893064, sum / 143, 352.75 * 1e-6);
        assertEquals(201.09239971414863, min, 201.09 * 1e-6);
        assertEquals(513.5129521329793, max, 513.5 * 1e-6);
    }

    private static double[] roiValues(PreprocessedRoi roi, boolean castToInt16) {
        float[] v = roi.image().voxels();
        int[] m = roi.mask().labels();
        return java.util.stream.IntStream.range(0, v.length).filter(i -> m[i] == 1)
                .mapToDouble(i -> castToInt16 ? (short) v[i] : v[i]).toArray();
    }

    // ------------------------------------------------------------ bad input

    @Test
    void emptyMaskAndMaskOutsideTheImage() {
        Geometry g = Geometry.of(4, 4, 2, 1, 1, 1);
        Volume image = new Volume(g, new float[g.voxelCount()]);
        RoiPreprocessor p = new RoiPreprocessor(PreprocessingSettings.STUDY);
        ImageInputException e = assertThrows(ImageInputException.class,
                () -> p.preprocess(image, new LabelMap(g, new int[g.voxelCount()]), java.nio.file.Path.of("roi.nii.gz"), List.of(), "x"));
        assertEquals(Reason.EMPTY_MASK, e.reason());
        assertEquals(java.nio.file.Path.of("roi.nii.gz"), e.file());

        Geometry shifted = new Geometry(4, 4, 2, new double[] {1, 1, 1}, new double[] {3, 0, 0}, g.direction());
        int[] m = new int[shifted.voxelCount()];
        m[shifted.index(3, 1, 1)] = 1; // x = 6 mm, image ends at 3.5 mm
        e = assertThrows(ImageInputException.class, () -> p.preprocess(image, new LabelMap(shifted, m), null, List.of(), "x"));
        assertEquals(Reason.MASK_OUTSIDE_IMAGE, e.reason());
    }
}
