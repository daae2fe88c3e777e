package org.radstream.imaging.synth;

import java.util.SplittableRandom;

/**
 * Gaussian random field on a 1 mm grid around a tumour: white noise smoothed by a separable Gaussian
 * of standard deviation {@code scaleMm}, then standardised to mean 0, SD 1 over the box. Sampled by
 * nearest grid point.
 */
final class TextureField {
    private final double[] lo;
    private final int nx;
    private final int ny;
    private final int nz;
    private final float[] v;

    TextureField(Tumour t, double scaleMm, SplittableRandom rnd) {
        int margin = (int) Math.ceil(scaleMm) + 1; // edges are clamped: a short margin suffices
        lo = new double[3];
        int[] n = new int[3];
        for (int a = 0; a < 3; a++) {
            double e = t.extent(a);
            lo[a] = Math.floor(t.centre()[a] - e) - margin;
            n[a] = (int) Math.ceil(2 * e) + 2 * margin + 2;
        }
        nx = n[0];
        ny = n[1];
        nz = n[2];
        double[] f = new double[nx * ny * nz];
        for (int i = 0; i < f.length; i++) {
            f[i] = rnd.nextGaussian();
        }
        double[] kernel = gaussian(scaleMm);
        f = smooth(f, kernel, 1, nx, nx * ny * nz);
        f = smooth(f, kernel, nx, ny, nx * ny * nz);
        f = smooth(f, kernel, nx * ny, nz, nx * ny * nz);
        double m = 0;
        for (double x : f) {
            m += x;
        }
        m /= f.length;
        double ss = 0;
        for (double x : f) {
            ss += (x - m) * (x - m);
        }
        double sd = Math.sqrt(ss / f.length);
        v = new float[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = (float) ((f[i] - m) / sd);
        }
    }

    double at(double x, double y, double z) {
        int i = clamp((int) Math.round(x - lo[0]), nx);
        int j = clamp((int) Math.round(y - lo[1]), ny);
        int k = clamp((int) Math.round(z - lo[2]), nz);
        return v[i + nx * (j + ny * k)];
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }

    private static double[] gaussian(double sigma) {
        int r = (int) Math.ceil(2.5 * sigma);
        double[] k = new double[2 * r + 1];
        double s = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
            s += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= s;
        }
        return k;
    }

    /** Convolution along one axis (given stride and length), edges clamped. */
    private static double[] smooth(double[] in, double[] k, int stride, int len, int total) {
        double[] out = new double[total];
        int r = k.length / 2;
        for (int base = 0; base < total; base++) {
            int pos = (base / stride) % len;
            double s = 0;
            for (int t = -r; t <= r; t++) {
                int p = pos + t;
                p = p < 0 ? 0 : p >= len ? len - 1 : p;
                s += k[t + r] * in[base + (p - pos) * stride];
            }
            out[base] = s;
        }
        return out;
    }
}
