package org.radstream.radiomics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/** Our eigenvalue-only routine against Apache Commons Math's EigenDecomposition. */
class SymmetricEigenTest {
    @Test
    void matchesCommonsMath() {
        SplittableRandom r = new SplittableRandom(5);
        for (int n : new int[] {1, 2, 3, 7, 30, 64}) {
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = r.nextDouble(-1, 1);
                    a[i][j] = v;
                    a[j][i] = v;
                }
            }
            double[][] copy = Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
            double[] expected = new EigenDecomposition(new Array2DRowRealMatrix(copy)).getRealEigenvalues();
            Arrays.sort(expected);
            double[] ours = SymmetricEigen.eigenvalues(a);
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i], ours[i], 1e-10, "n=" + n + " i=" + i);
            }
        }
    }
}
