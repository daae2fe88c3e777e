package org.radstream.radiomics.filters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.radiomics.preprocess.Preprocessing;

/**
 * Local binary patterns (PyRadiomics {@code getLBP2DImage} and {@code getLBP3DImage}).
 *
 * <p><b>LBP-3D</b> (Banerjee et al. 2013): around each ROI voxel, the image is sampled (cubic B-spline,
 * zero outside the image, each sample in the image's type as SciPy returns it) at the vertices of an icosphere of radius R voxels (42 vertices for one
 * subdivision); with {@code f_v = [I(v) ≥ I(centre)]} and spherical harmonics {@code Y_n^m} the coefficients
 * {@code c_nm = Σ_v f_v Y_n^m(v)} give, per level n, {@code F_n(v) = Σ_m c_nm Y_n^m(v)} and the rotation-
 * invariant value {@code Re √(Σ_v F_n(v)²)} (the complex square, as PyRadiomics computes it); images
 * {@code lbp-3D-m<n+1>} for n &lt; levels, plus {@code lbp-3D-k}, the excess kurtosis of the samples.
 * PyRadiomics evaluates {@code scipy.special.sph_harm(m, n, θ, φ)} with θ = arccos of the third (x) coordinate
 * and φ = atan2(y, z) in the azimuth and polar slots respectively; the same angles are used here.
 * Voxels outside the ROI are 0.
 *
 * <p><b>LBP-2D</b> (scikit-image {@code local_binary_pattern}): P samples on a circle of radius R in each
 * slice normal to {@code force2Ddimension}, bilinear interpolation; methods default, ror, uniform, var.
 */
public final class LbpFilter {
    private LbpFilter() {
    }

    /**
     * A sample as SciPy's {@code map_coordinates} returns it for PyRadiomics' array, in the image's own dtype:
     * an integer image (integer-valued here) rounds half away from zero, a float32 image rounds to float.
     * Without this, samples on a plateau equal the centre only up to rounding noise and {@code f ≥ centre}
     * would be decided by that noise.
     */
    static double inImageType(double sample, boolean integral) {
        if (integral) {
            return sample < 0 ? Math.ceil(sample - 0.5) : Math.floor(sample + 0.5);
        }
        return (float) sample;
    }

    /** Icosphere vertices (unit sphere scaled by radius), icosahedron subdivided {@code subdivisions} times. */
    static double[][] icosphere(int subdivisions, double radius) {
        double t = (1 + Math.sqrt(5)) / 2;
        List<double[]> v = new ArrayList<>();
        double[][] base = {{-1, t, 0}, {1, t, 0}, {-1, -t, 0}, {1, -t, 0}, {0, -1, t}, {0, 1, t}, {0, -1, -t},
            {0, 1, -t}, {t, 0, -1}, {t, 0, 1}, {-t, 0, -1}, {-t, 0, 1}};
        for (double[] b : base) {
            v.add(unit(b));
        }
        int[][] faces = {{0, 11, 5}, {0, 5, 1}, {0, 1, 7}, {0, 7, 10}, {0, 10, 11}, {1, 5, 9}, {5, 11, 4}, {11, 10, 2},
            {10, 7, 6}, {7, 1, 8}, {3, 9, 4}, {3, 4, 2}, {3, 2, 6}, {3, 6, 8}, {3, 8, 9}, {4, 9, 5}, {2, 4, 11},
            {6, 2, 10}, {8, 6, 7}, {9, 8, 1}};
        List<int[]> f = new ArrayList<>(List.of(faces));
        for (int s = 0; s < subdivisions; s++) {
            Map<Long, Integer> mid = new LinkedHashMap<>();
            List<int[]> nf = new ArrayList<>();
            for (int[] face : f) {
                int a = midpoint(v, mid, face[0], face[1]);
                int b = midpoint(v, mid, face[1], face[2]);
                int c = midpoint(v, mid, face[2], face[0]);
                nf.add(new int[] {face[0], a, c});
                nf.add(new int[] {face[1], b, a});
                nf.add(new int[] {face[2], c, b});
                nf.add(new int[] {a, b, c});
            }
            f = nf;
        }
        double[][] out = new double[v.size()][];
        for (int i = 0; i < out.length; i++) {
            double[] p = v.get(i);
            out[i] = new double[] {p[0] * radius, p[1] * radius, p[2] * radius};
        }
        return out;
    }

    private static int midpoint(List<double[]> v, Map<Long, Integer> cache, int a, int b) {
        long key = Math.min(a, b) * 1_000_000L + Math.max(a, b);
        Integer k = cache.get(key);
        if (k != null) {
            return k;
        }
        double[] p = v.get(a);
        double[] q = v.get(b);
        v.add(unit(new double[] {p[0] + q[0], p[1] + q[1], p[2] + q[2]}));
        cache.put(key, v.size() - 1);
        return v.size() - 1;
    }

    private static double[] unit(double[] p) {
        double n = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
        return new double[] {p[0] / n, p[1] / n, p[2] / n};
    }

    /** LBP-3D images {@code lbp-3D-m1 … lbp-3D-m<levels>} and {@code lbp-3D-k}. */
    public static List<FilteredImage> lbp3D(Volume image, LabelMap mask, int label, int levels, double radius,
            int subdivisions) {
        Geometry g = image.geometry();
        double[][] verts = icosphere(subdivisions, radius); // numpy order (z, y, x) offsets
        int nv = verts.length;
        // spherical harmonics per vertex: columns (n, m) for n < levels, m = -n..n
        List<int[]> nm = new ArrayList<>();
        for (int n = 0; n < levels; n++) {
            for (int m = -n; m <= n; m++) {
                nm.add(new int[] {n, m});
            }
        }
        int nc = nm.size();
        double[][] yRe = new double[nv][nc];
        double[][] yIm = new double[nv][nc];
        for (int v = 0; v < nv; v++) {
            double theta = Math.acos(Math.max(-1, Math.min(1, verts[v][2] / radius)));
            double phi = Math.atan2(verts[v][1], verts[v][0]);
            for (int c = 0; c < nc; c++) {
                double[] y = SphericalHarmonics.scipySphHarm(nm.get(c)[1], nm.get(c)[0], theta, phi);
                yRe[v][c] = y[0];
                yIm[v][c] = y[1];
            }
        }
        BSpline3 spline = new BSpline3(image);
        boolean integral = Preprocessing.isIntegral(image.voxels());
        // voxel centres are integers, so each vertex has the same fractional offset everywhere: its 4x4x4
        // B-spline weights are computed once
        BSpline3.Stencil[] stencils = new BSpline3.Stencil[nv];
        for (int v = 0; v < nv; v++) {
            stencils[v] = BSpline3.stencil(verts[v][0], verts[v][1], verts[v][2]);
        }
        int nvox = g.voxelCount();
        float[][] out = new float[levels + 1][nvox];
        int[] labels = mask.labels();
        double[] samples = new double[nv];
        boolean[] bits = new boolean[nv];
        double[] cRe = new double[nc];
        double[] cIm = new double[nc];
        for (int z = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++) {
                    int idx = g.index(x, y, z);
                    if (labels[idx] != label) {
                        continue;
                    }
                    double centre = image.voxels()[idx];
                    double mean = 0;
                    for (int v = 0; v < nv; v++) {
                        samples[v] = inImageType(spline.at(z, y, x, stencils[v]), integral);
                        bits[v] = samples[v] >= centre;
                        mean += samples[v];
                    }
                    mean /= nv;
                    double m2 = 0;
                    double m4 = 0;
                    for (int v = 0; v < nv; v++) {
                        double d = samples[v] - mean;
                        m2 += d * d;
                        m4 += d * d * d * d;
                    }
                    m2 /= nv;
                    m4 /= nv;
                    out[levels][idx] = (float) (m4 / (m2 * m2) - 3);
                    java.util.Arrays.fill(cRe, 0);
                    java.util.Arrays.fill(cIm, 0);
                    for (int v = 0; v < nv; v++) {
                        if (bits[v]) {
                            for (int c = 0; c < nc; c++) {
                                cRe[c] += yRe[v][c];
                                cIm[c] += yIm[v][c];
                            }
                        }
                    }
                    for (int n = 0; n < levels; n++) {
                        double sRe = 0;
                        double sIm = 0;
                        for (int v = 0; v < nv; v++) {
                            double fRe = 0;
                            double fIm = 0;
                            for (int c = 0; c < nc; c++) {
                                if (nm.get(c)[0] == n) {
                                    fRe += cRe[c] * yRe[v][c] - cIm[c] * yIm[v][c];
                                    fIm += cRe[c] * yIm[v][c] + cIm[c] * yRe[v][c];
                                }
                            }
                            sRe += fRe * fRe - fIm * fIm;
                            sIm += 2 * fRe * fIm;
                        }
                        // principal complex square root, real part
                        double mod = Math.hypot(sRe, sIm);
                        out[n][idx] = (float) Math.sqrt(Math.max(0, (mod + sRe) / 2));
                    }
                }
            }
        }
        List<FilteredImage> res = new ArrayList<>();
        for (int n = 0; n < levels; n++) {
            res.add(new FilteredImage("lbp-3D-m" + (n + 1), new Volume(g, out[n])));
        }
        res.add(new FilteredImage("lbp-3D-k", new Volume(g, out[levels])));
        return res;
    }

    /**
     * LBP-2D per slice normal to numpy axis {@code axis} (0 = z): samples at
     * {@code (r, c) + R(−sin(2πp/P), cos(2πp/P))} rounded to 5 decimals, bilinear, compared with ≥ centre.
     */
    public static Volume lbp2D(Volume image, double radius, int samples, String method, int axis) {
        Geometry g = image.geometry();
        int[] n = {g.nz(), g.ny(), g.nx()}; // numpy order
        int[] plane = axis == 0 ? new int[] {1, 2} : axis == 1 ? new int[] {0, 2} : new int[] {0, 1};
        double[] dr = new double[samples];
        double[] dc = new double[samples];
        for (int p = 0; p < samples; p++) {
            dr[p] = Math.round(-radius * Math.sin(2 * Math.PI * p / samples) * 1e5) / 1e5;
            dc[p] = Math.round(radius * Math.cos(2 * Math.PI * p / samples) * 1e5) / 1e5;
        }
        float[] in = image.voxels();
        float[] out = new float[in.length];
        int rows = n[plane[0]];
        int cols = n[plane[1]];
        double[] s = new double[samples];
        for (int k = 0; k < n[axis]; k++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int[] idx = new int[3];
                    idx[axis] = k;
                    idx[plane[0]] = r;
                    idx[plane[1]] = c;
                    int flat = idx[2] + g.nx() * (idx[1] + g.ny() * idx[0]);
                    double centre = in[flat];
                    int ones = 0;
                    int changes = 0;
                    int code = 0;
                    for (int p = 0; p < samples; p++) {
                        s[p] = bilinear(in, g, idx, plane, axis, k, r + dr[p], c + dc[p], rows, cols);
                    }
                    for (int p = 0; p < samples; p++) {
                        boolean b = s[p] >= centre;
                        boolean nb = s[(p + 1) % samples] >= centre;
                        ones += b ? 1 : 0;
                        changes += b != nb ? 1 : 0;
                        code |= (b ? 1 : 0) << p;
                    }
                    double value = switch (method) {
                        case "uniform" -> changes <= 2 ? ones : samples + 1;
                        case "ror" -> rotationMin(code, samples);
                        case "var" -> variance(s);
                        default -> code;
                    };
                    out[flat] = (float) value;
                }
            }
        }
        return new Volume(g, out);
    }

    private static double variance(double[] s) {
        double m = 0;
        for (double x : s) {
            m += x;
        }
        m /= s.length;
        double v = 0;
        for (double x : s) {
            v += (x - m) * (x - m);
        }
        return v / s.length;
    }

    private static int rotationMin(int code, int p) {
        int best = code;
        for (int r = 1; r < p; r++) {
            int rot = ((code >>> r) | (code << (p - r))) & ((1 << p) - 1);
            best = Math.min(best, rot);
        }
        return best;
    }

    private static double bilinear(float[] in, Geometry g, int[] idx, int[] plane, int axis, int k, double r, double c,
            int rows, int cols) {
        int r0 = (int) Math.floor(r);
        int c0 = (int) Math.floor(c);
        double fr = r - r0;
        double fc = c - c0;
        double v = 0;
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double w = (a == 0 ? 1 - fr : fr) * (b == 0 ? 1 - fc : fc);
                if (w == 0) {
                    continue;
                }
                int rr = r0 + a;
                int cc = c0 + b;
                double val = 0; // outside the slice: 0, as scikit-image
                if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) {
                    int[] i = new int[3];
                    i[axis] = k;
                    i[plane[0]] = rr;
                    i[plane[1]] = cc;
                    val = in[i[2] + g.nx() * (i[1] + g.ny() * i[0])];
                }
                v += w * val;
            }
        }
        return v;
    }
}
