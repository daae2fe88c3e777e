package org.radstream.radiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.radstream.radiomics.ExtractionSettings;
import org.radstream.radiomics.preprocess.CroppedRoi;
import org.radstream.radiomics.preprocess.Discretiser;

/**
 * MCC against PyRadiomics' literal definition, {@code Q(i,k) = Σ_j p(i,j) p(k,j) / (p_x(i) p_y(j) + ε)} and the
 * second largest eigenvalue of the non-symmetric Q (Commons Math), both for few grey levels (dense path) and
 * for many (Lanczos path).
 */
class GlcmMccTest {

    static double reference(double[][] p) {
        int n = p.length;
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                px[i] += p[i][j];
                py[j] += p[i][j];
            }
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    q[i][k] += p[i][j] * p[k][j] / (px[i] * py[j] + Math.ulp(1.0));
                }
            }
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(q)).getRealEigenvalues();
        java.util.Arrays.sort(ev);
        return Math.sqrt(ev[ev.length - 2]);
    }

    private static void check(double binWidth, int minLevels) {
        SplittableRandom r = new SplittableRandom(3);
        int nx = 30;
        int ny = 30;
        float[] v = new float[nx * ny];
        boolean[] m = new boolean[nx * ny];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (Math.sin(i * 0.05) + 0.5 * r.nextGaussian());
            m[i] = true;
        }
        CroppedRoi roi = new CroppedRoi(nx, ny, 1, new double[] {1, 1, 1}, v, m, v.length);
        ExtractionSettings s = ExtractionSettings.defaults().with(Map.of("binWidth", binWidth), "test");
        Discretiser.Discretised d = Discretiser.discretise(roi, s);
        assertTrue(d.greyLevels().length >= minLevels, "levels " + d.greyLevels().length);
        GlcmFeatures f = new GlcmFeatures(new TextureInput(roi, d, s));
        double sum = 0;
        for (int a = 0; a < f.angleCount(); a++) {
            sum += reference(f.matrix(a));
        }
        assertEquals(sum / f.angleCount(), f.mcc(), 1e-6, "binWidth " + binWidth);
    }

    @Test
    void fewLevelsDense() {
        check(0.5, 5);
    }

    @Test
    void manyLevelsLanczos() {
        check(0.05, GlcmFeatures.DENSE_LIMIT + 1);
    }
}
