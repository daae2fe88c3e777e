package org.radstream.radiomics.filters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/**
 * Filters against outside references: PyWavelets' documented filters and SWT output, Daubechies' closed form,
 * analytic results (LoG of a quadratic, gradient of a ramp, LBP of constant and step images), PyRadiomics'
 * documented filter formulas; and the ROI-box restriction against the whole-image computation.
 */
class FiltersTest {

    private static Volume volume(int nx, int ny, int nz, double sx, double sy, double sz, java.util.function.IntFunction<Double> f) {
        Geometry g = new Geometry(nx, ny, nz, new double[] {sx, sy, sz}, new double[3], new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        float[] v = new float[g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.apply(i).floatValue();
        }
        return new Volume(g, v);
    }

    @Test
    void coif1IsPyWaveletsDecLo() {
        // pywt.Wavelet('coif1').dec_lo; PyWavelets' table and the closed form with √7 differ in the 13th digit
        double[] pywt = {-0.01565572813546454, -0.0727326195128539, 0.38486484686420286, 0.8525720202122554,
            0.3378976624578092, -0.0727326195128539};
        assertArrayEquals(pywt, WaveletFilter.decLo("coif1"), 1e-12);
    }

    @Test
    void daubechiesByFactorisationMatchesClosedFormAndIsOrthonormal() {
        double s3 = Math.sqrt(3);
        double d = 4 * Math.sqrt(2);
        // Daubechies (1988) D4: h = (1+√3, 3+√3, 3−√3, 1−√3) / (4√2)
        assertArrayEquals(new double[] {(1 + s3) / d, (3 + s3) / d, (3 - s3) / d, (1 - s3) / d},
                WaveletFilter.reconstructionLowPass("db2"), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(0.5)}, WaveletFilter.reconstructionLowPass("haar"), 1e-15);
        // pywt.Wavelet('db4').dec_lo (PyWavelets' table, ~1e-13 precision)
        assertArrayEquals(new double[] {-0.010597401784997278, 0.032883011666982945, 0.030841381835986965,
            -0.18703481171888114, -0.02798376941698385, 0.6308807679295904, 0.7148465705525415, 0.23037781330885523},
                WaveletFilter.decLo("db4"), 1e-12);
        for (String w : List.of("db3", "db4", "db6", "db8", "db10", "db20", "db38", "coif1")) {
            double[] h = WaveletFilter.reconstructionLowPass(w);
            for (int m = 0; 2 * m < h.length; m++) {
                double s = 0;
                for (int k = 0; k + 2 * m < h.length; k++) {
                    s += h[k] * h[k + 2 * m];
                }
                assertEquals(m == 0 ? 1 : 0, s, 1e-9, w + " shift " + m);
            }
        }
    }

    @Test
    void periodicPassMatchesPyWaveletsSwtExample() {
        // PyWavelets docs, "Multilevel DWT, IDWT and SWT": x = [3, 7, 1, 3, -2, 6, 4, 6], pywt.swt(x, db1), level 1
        double[] x = {3, 7, 1, 3, -2, 6, 4, 6};
        int[] n = {8, 1, 1};
        boolean[][] all = SeparablePass.all(n);
        double[] lo = WaveletFilter.decLo("db1");
        double[] hi = WaveletFilter.decHi("db1");
        assertArrayEquals(new double[] {7.07106781, 5.65685425, 2.82842712, 0.70710678, 2.82842712, 7.07106781,
            7.07106781, 6.36396103}, SeparablePass.apply(x, n, 0, lo, lo.length / 2, true, all), 1e-8);
        assertArrayEquals(new double[] {-2.82842712, 4.24264069, -1.41421356, 3.53553391, -5.65685425, 1.41421356,
            -1.41421356, 2.12132034}, SeparablePass.apply(x, n, 0, hi, hi.length / 2, true, all), 1e-8);
    }

    @Test
    void waveletBandsKeepEnergyAndRegionRestrictionIsExact() {
        SplittableRandom r = new SplittableRandom(1);
        Volume v = volume(12, 10, 8, 1, 1, 1, i -> r.nextGaussian());
        List<FilteredImage> full = WaveletFilter.apply(v, "coif1", 1, 0, -1);
        assertEquals(List.of("wavelet-LLH", "wavelet-LHL", "wavelet-LHH", "wavelet-HLL", "wavelet-HLH", "wavelet-HHL",
                "wavelet-HHH", "wavelet-LLL"), full.stream().map(FilteredImage::name).toList());
        // orthogonal filters, periodic extension: the 8 undecimated bands hold 2^3 times the energy
        double e = 0;
        for (float f : v.voxels()) {
            e += f * f;
        }
        double bands = 0;
        for (FilteredImage fi : full) {
            for (float f : fi.image().voxels()) {
                bands += (double) f * f;
            }
        }
        assertEquals(8 * e, bands, 1e-3 * e);
        // computing only inside a box gives the same values there (odd sizes wrap-padded as PyRadiomics does)
        Volume odd = volume(11, 9, 7, 1, 1, 1, i -> r.nextGaussian());
        List<FilteredImage> whole = WaveletFilter.apply(odd, "coif1", 1, 0, -1);
        List<FilteredImage> box = WaveletFilter.apply(odd, "coif1", 1, 0, -1, new int[] {2, 3, 3}, new int[] {8, 6, 3});
        for (int b = 0; b < 8; b++) {
            for (int y = 3; y <= 6; y++) {
                for (int x = 2; x <= 8; x++) {
                    assertEquals(whole.get(b).image().get(x, y, 3), box.get(b).image().get(x, y, 3), 1e-5);
                }
            }
        }
        assertEquals(List.of("wavelet-LH", "wavelet-HL", "wavelet-HH", "wavelet-LL"),
                WaveletFilter.apply(odd, "haar", 1, 0, 0).stream().map(FilteredImage::name).toList());
    }

    @Test
    void logOfAQuadraticIsSigmaSquaredTimesSix() {
        // f = x² + y² + z² in mm: ∇²(G_σ ∗ f) = 6, scale-normalised LoG = 6σ²
        int n = 25;
        Volume v = volume(n, n, n, 1, 1, 1, i -> {
            double x = i % n - 12;
            double y = (i / n) % n - 12;
            double z = i / (n * n) - 12.0;
            return x * x + y * y + z * z;
        });
        assertEquals(24, LogFilter.apply(v, 2.0).get(12, 12, 12), 1e-3);
        Volume box = LogFilter.apply(v, 2.0, new int[] {10, 10, 12}, new int[] {14, 13, 12});
        assertEquals(LogFilter.apply(v, 2.0).get(11, 13, 12), box.get(11, 13, 12), 1e-4);
        assertEquals("log-sigma-2-0-mm-3D", LogFilter.name("2.0"));
        assertEquals("log-sigma-3-mm-3D", LogFilter.name("3"));
        assertEquals(null, LogFilter.apply(volume(3, 3, 3, 1, 1, 1, i -> 1.0), 1.0)); // PyRadiomics: image too small
    }

    @Test
    void gradientOfARampInMillimetres() {
        int n = 6;
        Volume v = volume(n, n, n, 1, 2, 4, i -> 2.0 * (i % n) + 3.0 * ((i / n) % n) + 4.0 * (i / (n * n)));
        assertEquals(Math.sqrt(4 + 2.25 + 1), IntensityFilters.gradientMagnitude(v, true).get(2, 3, 3), 1e-6);
        assertEquals(Math.sqrt(4 + 9 + 16), IntensityFilters.gradientMagnitude(v, false).get(2, 3, 3), 1e-6);
    }

    @Test
    void intensityFiltersKeepTheRangeAsDocumentedByPyRadiomics() {
        Volume v = volume(4, 1, 1, 1, 1, 1, i -> new double[] {-16, 0, 4, 9}[i]);
        // square: (x/√M)², M = 16
        assertArrayEquals(new float[] {16, 0, 1, 81f / 16}, IntensityFilters.square(v).voxels(), 1e-5f);
        // square root: sign(x) √(M|x|)
        assertArrayEquals(new float[] {-16, 0, 8, 12}, IntensityFilters.squareRoot(v).voxels(), 1e-5f);
        // logarithm: sign(x) log(|x|+1), rescaled to max |f| = M
        float[] lg = IntensityFilters.logarithm(v).voxels();
        assertEquals(-16, lg[0], 1e-5);
        assertEquals(16 * Math.log(5) / Math.log(17), lg[2], 1e-5);
        // exponential: e^{x log(M)/M}
        float[] ex = IntensityFilters.exponential(v).voxels();
        assertEquals(1 / 16.0, ex[0], 1e-6);
        assertEquals(1, ex[1], 1e-6);
    }

    @Test
    void lbp3dAroundADarkVoxel() {
        assertEquals(12, LbpFilter.icosphere(0, 1).length);
        assertEquals(42, LbpFilter.icosphere(1, 1).length);
        assertEquals(162, LbpFilter.icosphere(2, 1).length);
        // a dark centre voxel in a flat surround: every icosphere sample is brighter than the centre
        Volume v = volume(7, 7, 7, 1, 1, 1, i -> i == 3 + 7 * (3 + 7 * 3) ? 0.0 : 5.0);
        int[] l = new int[343];
        l[3 + 7 * (3 + 7 * 3)] = 1;
        List<FilteredImage> out = LbpFilter.lbp3D(v, new LabelMap(v.geometry(), l), 1, 2, 1, 1);
        assertEquals(List.of("lbp-3D-m1", "lbp-3D-m2", "lbp-3D-k"), out.stream().map(FilteredImage::name).toList());
        // all 42 samples >= centre: c00 = 42 Y00, F0 = 42 Y00² = 42/(4π) at every vertex, m1 = √42 · 42/(4π)
        assertEquals(Math.sqrt(42) * 42 / (4 * Math.PI), out.get(0).image().get(3, 3, 3), 1e-4);
        // n = 1 with every bit set: c_1m = Σ_v Y_1m(v) with SciPy's Y_1^0 = √(3/4π) cos φ,
        // Y_1^{±1} = ∓√(3/8π) √(1 − cos²φ) e^{±iθ}, at PyRadiomics' angles θ = arccos(x), φ = atan2(y, z);
        // m2 = Re √(Σ_v (Σ_m c_1m Y_1m(v))²)
        double[][] ico = LbpFilter.icosphere(1, 1);
        double[][] yr = new double[ico.length][3];
        double[][] yi = new double[ico.length][3];
        double[] cr = new double[3];
        double[] ci = new double[3];
        for (int k = 0; k < ico.length; k++) {
            double th = Math.acos(ico[k][2]);
            double ph = Math.atan2(ico[k][1], ico[k][0]);
            // P_1^1(cos φ) = −√(1 − cos²φ): SciPy evaluates the Legendre function of cos φ, so |sin φ|
            double a = Math.sqrt(3 / (8 * Math.PI)) * Math.sqrt(1 - Math.cos(ph) * Math.cos(ph));
            yr[k][0] = a * Math.cos(th);          // m = -1:  +√(3/8π) sin φ e^{-iθ}
            yi[k][0] = -a * Math.sin(th);
            yr[k][1] = Math.sqrt(3 / (4 * Math.PI)) * Math.cos(ph); // m = 0
            yr[k][2] = -a * Math.cos(th);         // m = +1: −√(3/8π) sin φ e^{iθ}
            yi[k][2] = -a * Math.sin(th);
            for (int m = 0; m < 3; m++) {
                cr[m] += yr[k][m];
                ci[m] += yi[k][m];
            }
        }
        double sr = 0;
        double si = 0;
        for (int k = 0; k < ico.length; k++) {
            double fr = 0;
            double fi = 0;
            for (int m = 0; m < 3; m++) {
                fr += cr[m] * yr[k][m] - ci[m] * yi[k][m];
                fi += cr[m] * yi[k][m] + ci[m] * yr[k][m];
            }
            sr += fr * fr - fi * fi;
            si += 2 * fr * fi;
        }
        double expected = Math.sqrt((Math.hypot(sr, si) + sr) / 2);
        assertEquals(expected, out.get(1).image().get(3, 3, 3), 1e-4);
    }

    @Test
    void lbp2dUniformPatterns() {
        // 3x3 slice: centre darker than all 8 neighbours -> 8 ones, uniform value 8; brighter -> 0
        Volume dark = volume(3, 3, 1, 1, 1, 1, i -> i == 4 ? 0.0 : 5.0);
        assertEquals(8, LbpFilter.lbp2D(dark, 1, 8, "uniform", 0).get(1, 1, 0), 0);
        Volume bright = volume(3, 3, 1, 1, 1, 1, i -> i == 4 ? 9.0 : 5.0);
        assertEquals(0, LbpFilter.lbp2D(bright, 1, 8, "uniform", 0).get(1, 1, 0), 0);
        // a vertical step (right column higher): 3 neighbours on the bright side plus ties -> a uniform run
        Volume step = volume(5, 5, 1, 1, 1, 1, i -> (i % 5) >= 3 ? 10.0 : 0.0);
        float u = LbpFilter.lbp2D(step, 1, 8, "uniform", 0).get(2, 2, 0);
        assertTrue(u >= 3 && u <= 8, "uniform code " + u);
    }
}
