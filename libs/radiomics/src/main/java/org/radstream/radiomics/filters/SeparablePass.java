package org.radstream.radiomics.filters;

/**
 * One 1D convolution pass of a separable filter, {@code out[i] = Σ_j k[j] · in[i + origin − j]} along one axis
 * (x = 0, y = 1, z = 2, x fastest), with edge replication or periodic wrap, evaluated only where the later
 * passes need it: {@code need[axis][index]} per axis. Features read a filtered image only inside the ROI
 * box, so computing the passes backwards from that box (each pass needs its output region widened by the
 * kernel along its own axis) gives the same values there at a fraction of the cost.
 */
final class SeparablePass {
    private SeparablePass() {
    }

    /** Need flags covering whole axes. */
    static boolean[][] all(int[] n) {
        boolean[][] need = new boolean[3][];
        for (int d = 0; d < 3; d++) {
            need[d] = new boolean[n[d]];
            java.util.Arrays.fill(need[d], true);
        }
        return need;
    }

    /** Need flags of a box [lo, hi] per axis (inclusive), or whole axes when lo is null. */
    static boolean[][] box(int[] n, int[] lo, int[] hi) {
        if (lo == null) {
            return all(n);
        }
        boolean[][] need = new boolean[3][];
        for (int d = 0; d < 3; d++) {
            need[d] = new boolean[n[d]];
            for (int i = Math.max(0, lo[d]); i <= Math.min(n[d] - 1, hi[d]); i++) {
                need[d][i] = true;
            }
        }
        return need;
    }

    /** The input flags a pass along {@code axis} needs to produce {@code outNeed}. */
    static boolean[][] widen(boolean[][] outNeed, int axis, int kernelLength, int origin, boolean periodic) {
        boolean[][] in = new boolean[3][];
        for (int d = 0; d < 3; d++) {
            in[d] = outNeed[d].clone();
        }
        int len = outNeed[axis].length;
        java.util.Arrays.fill(in[axis], false);
        for (int i = 0; i < len; i++) {
            if (outNeed[axis][i]) {
                for (int j = 0; j < kernelLength; j++) {
                    int p = i + origin - j;
                    p = periodic ? Math.floorMod(p, len) : Math.max(0, Math.min(len - 1, p));
                    in[axis][p] = true;
                }
            }
        }
        return in;
    }

    static double[] apply(double[] in, int[] n, int axis, double[] k, int origin, boolean periodic, boolean[][] need) {
        int nx = n[0];
        int ny = n[1];
        int nz = n[2];
        int len = n[axis];
        int stride = axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
        double[] out = new double[in.length];
        boolean[] na = need[axis];
        for (int z = 0; z < nz; z++) {
            if (axis != 2 && !need[2][z]) {
                continue;
            }
            for (int y = 0; y < ny; y++) {
                if (axis != 1 && !need[1][y]) {
                    continue;
                }
                for (int x = 0; x < nx; x++) {
                    if (axis != 0 && !need[0][x]) {
                        continue;
                    }
                    int pos = axis == 0 ? x : axis == 1 ? y : z;
                    if (!na[pos]) {
                        continue;
                    }
                    int base = x + nx * (y + ny * z) - pos * stride;
                    double s = 0;
                    for (int j = 0; j < k.length; j++) {
                        int p = pos + origin - j;
                        if (p < 0 || p >= len) {
                            p = periodic ? Math.floorMod(p, len) : Math.max(0, Math.min(len - 1, p));
                        }
                        s += k[j] * in[base + p * stride];
                    }
                    out[base + pos * stride] = s;
                }
            }
        }
        return out;
    }
}
