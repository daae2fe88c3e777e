package org.radstream.radiomics.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Neighbour offsets {@code (dz, dy, dx)} for the texture matrices, generated as PyRadiomics'
 * {@code cmatrices.build_angles} does: every offset whose infinity norm is one of the requested
 * distances, enumerated from {@code (+d,+d,+d)} down to {@code (−d,−d,−d)}; offsets that move along the
 * force2D axis or that are at least as long as the ROI box along an axis are left out. The one-directional
 * set (GLCM, GLRLM) is the first half of that list (one offset of each ± pair: 13 in 3D, 4 in 2D).
 */
public final class Angles {
    private Angles() {
    }

    /**
     * @param sizeZyx ROI box size in numpy order (z, y, x)
     * @param distances infinity-norm distances (&gt;= 1)
     * @param bidirectional both members of each ± pair (GLSZM, GLDM, NGTDM) or one (GLCM, GLRLM)
     * @param force2Ddim axis excluded from movement (0 = z, 1 = y, 2 = x), or -1
     */
    public static int[][] generate(int[] sizeZyx, int[] distances, boolean bidirectional, int force2Ddim) {
        int maxD = 0;
        for (int d : distances) {
            maxD = Math.max(maxD, d);
        }
        int n = 2 * maxD + 1;
        List<int[]> all = new ArrayList<>();
        for (int idx = 0; idx < n * n * n; idx++) {
            int[] a = {maxD - idx / (n * n) % n, maxD - idx / n % n, maxD - idx % n};
            int norm = 0;
            boolean valid = true;
            for (int d = 0; d < 3; d++) {
                if ((d == force2Ddim && a[d] != 0) || a[d] >= sizeZyx[d] || a[d] <= -sizeZyx[d]) {
                    valid = false;
                    break;
                }
                norm = Math.max(norm, Math.abs(a[d]));
            }
            if (!valid || norm == 0) {
                continue;
            }
            for (int d : distances) {
                if (d == norm) {
                    all.add(a);
                    break;
                }
            }
        }
        List<int[]> out = bidirectional ? all : all.subList(0, all.size() / 2);
        return out.toArray(new int[0][]);
    }

    /** Mean of a per-angle feature value over {@code angles} angles, ignoring NaN (numpy {@code nanmean}). */
    static double nanMean(int angles, java.util.function.IntToDoubleFunction perAngle) {
        double s = 0;
        int n = 0;
        for (int a = 0; a < angles; a++) {
            double v = perAngle.applyAsDouble(a);
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sum of every element of a per-angle matrix. */
    static double sum(double[][] m) {
        double s = 0;
        for (double[] r : m) {
            for (double x : r) {
                s += x;
            }
        }
        return s;
    }
}
