package org.radstream.imaging.synth;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.Volume;
import org.radstream.imaging.sequence.MrSequence;

/**
 * Renders one MR sequence of the simulated abdomen on a series grid: body (ellipse 165 × 120 mm),
 * spine, liver (ellipsoid centred at (−55, −5, 0) mm, semi-axes 95 × 80 × 90 mm, mild low-frequency
 * inhomogeneity), tumours with sequence-specific contrast and texture, a hyperintense capsule in the
 * delayed phase, and Rician-like noise (magnitude of signal plus Gaussian noise).
 *
 * <p>Mean signal (1.5 T; ×1.25 at 3 T), noise SD:
 * <pre>
 *            body  liver  tumour  noise   (tumour relative to liver)
 *   T1WI     420   560    380     18      hypo
 *   T2WI     260   200    420     14      hyper
 *   AP       380   520    880     20      arterial hyper-enhancement
 *   PVP      420   820    600     22      washout
 *   DP       400   760    520     22      washout, capsule 900
 * </pre>
 * Tumour voxels: {@code tumour·(1 + amplitude·F(p))}, F the sequence's {@link TextureField}.
 */
final class LiverPhantom {

    record Contrast(double body, double liver, double tumour, double noise) {
    }

    static final Map<MrSequence, Contrast> CONTRAST = Map.of(
            MrSequence.T1WI, new Contrast(420, 560, 380, 18),
            MrSequence.T2WI, new Contrast(260, 200, 420, 14),
            MrSequence.AP, new Contrast(380, 520, 880, 20),
            MrSequence.PVP, new Contrast(420, 820, 600, 22),
            MrSequence.DP, new Contrast(400, 760, 520, 22));

    static final double[] LIVER_CENTRE = {-55, -5, 0};
    static final double[] LIVER_AXES = {95, 80, 90};

    /** 65536 standard-normal quantiles Φ⁻¹((i + ½)/65536): noise drawn by table look-up, two per random long. */
    private static final double[] GAUSS = new double[1 << 16];

    static {
        for (int i = 0; i < GAUSS.length; i++) {
            GAUSS[i] = inverseNormal((i + 0.5) / GAUSS.length);
        }
    }

    private LiverPhantom() {
    }

    /** Φ⁻¹(p) by Acklam's rational approximation (relative error &lt; 1.2e-9). */
    static double inverseNormal(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) {
            return -inverseNormal(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    static boolean inLiver(double x, double y, double z, double shrinkMm) {
        double a = (x - LIVER_CENTRE[0]) / (LIVER_AXES[0] - shrinkMm);
        double b = (y - LIVER_CENTRE[1]) / (LIVER_AXES[1] - shrinkMm);
        double c = (z - LIVER_CENTRE[2]) / (LIVER_AXES[2] - shrinkMm);
        return a * a + b * b + c * c < 1;
    }

    static Volume render(Geometry g, MrSequence s, double tesla, List<Tumour> tumours, List<TextureField> fields,
            double amplitude, double[] inhomogeneityPhase, SplittableRandom rnd) {
        Contrast c = CONTRAST.get(s);
        double gain = tesla >= 3 ? 1.25 : 1.0;
        float[] v = new float[g.voxelCount()];
        double[] sp = g.spacing();
        double[] o = g.origin();
        // the inhomogeneity is separable: precompute its factors per column and per row
        double[] sx = new double[g.nx()];
        double[] cy = new double[g.ny()];
        for (int i = 0; i < g.nx(); i++) {
            sx[i] = Math.sin((o[0] + i * sp[0]) / 17 + inhomogeneityPhase[0]);
        }
        for (int j = 0; j < g.ny(); j++) {
            cy[j] = Math.cos((o[1] + j * sp[1]) / 23 + inhomogeneityPhase[1]);
        }
        int idx = 0;
        for (int k = 0; k < g.nz(); k++) {
            double z = o[2] + k * sp[2];
            for (int j = 0; j < g.ny(); j++) {
                double y = o[1] + j * sp[1];
                for (int i = 0; i < g.nx(); i++) {
                    double x = o[0] + i * sp[0];
                    double signal;
                    double bx = x / 165;
                    double by = y / 120;
                    if (bx * bx + by * by >= 1) {
                        signal = 0;
                    } else if (sq(x) + sq(y - 85) < sq(16)) {
                        signal = 0.35 * c.body; // vertebral body
                    } else if (inLiver(x, y, z, 0)) {
                        signal = c.liver * (1 + 0.04 * sx[i] * cy[j]);
                        for (int t = 0; t < tumours.size(); t++) {
                            Tumour tu = tumours.get(t);
                            double[] ct = tu.centre();
                            if (Math.abs(x - ct[0]) > tu.extent(0) || Math.abs(y - ct[1]) > tu.extent(1)
                                    || Math.abs(z - ct[2]) > tu.extent(2)) {
                                continue;
                            }
                            double u = tu.u(x, y, z);
                            if (u < 1) {
                                signal = c.tumour * (1 + amplitude * fields.get(t).at(x, y, z));
                                if (s == MrSequence.DP && u > 0.85) {
                                    signal = 900; // enhancing capsule
                                }
                                break;
                            }
                        }
                    } else {
                        signal = c.body;
                    }
                    long bits = rnd.nextLong();
                    double re = gain * signal + c.noise * GAUSS[(int) (bits & 0xFFFF)];
                    double im = c.noise * GAUSS[(int) ((bits >>> 16) & 0xFFFF)];
                    v[idx++] = (float) Math.sqrt(re * re + im * im);
                }
            }
        }
        return new Volume(g, v);
    }

    private static double sq(double a) {
        return a * a;
    }
}
