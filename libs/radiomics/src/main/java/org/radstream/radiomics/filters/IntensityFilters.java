package org.radstream.radiomics.filters;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.Volume;

/**
 * Voxel-wise PyRadiomics filters ({@code getSquareImage}, {@code getSquareRootImage}, {@code getLogarithmImage},
 * {@code getExponentialImage}) and the gradient magnitude ({@code getGradientImage}); M = max |x| over the image.
 */
public final class IntensityFilters {
    private IntensityFilters() {
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** Square <pre>f(x) = (x/√M)²</pre>. */
    public static Volume square(Volume in) {
        float[] v = in.voxels();
        double c = 1 / Math.sqrt(maxAbs(v));
        float[] o = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            double t = c * v[i];
            o[i] = (float) (t * t);
        }
        return new Volume(in.geometry(), o);
    }

    /** Square root <pre>f(x) = sign(x) √(M |x|)</pre>. */
    public static Volume squareRoot(Volume in) {
        float[] v = in.voxels();
        double c = maxAbs(v);
        float[] o = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = (float) (Math.signum(v[i]) * Math.sqrt(Math.abs(v[i]) * c));
        }
        return new Volume(in.geometry(), o);
    }

    /** Logarithm <pre>f(x) = sign(x) log(|x| + 1), rescaled so that max |f| = M</pre>. */
    public static Volume logarithm(Volume in) {
        float[] v = in.voxels();
        double m = maxAbs(v);
        double[] t = new double[v.length];
        double mt = 0;
        for (int i = 0; i < v.length; i++) {
            t[i] = Math.signum(v[i]) * Math.log(Math.abs(v[i]) + 1);
            mt = Math.max(mt, Math.abs(t[i]));
        }
        float[] o = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = (float) (t[i] * (m / mt));
        }
        return new Volume(in.geometry(), o);
    }

    /** Exponential <pre>f(x) = e^{c x}, c = log(M)/M</pre>. */
    public static Volume exponential(Volume in) {
        float[] v = in.voxels();
        double m = maxAbs(v);
        double c = Math.log(m) / m;
        float[] o = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = (float) Math.exp(c * v[i]);
        }
        return new Volume(in.geometry(), o);
    }

    /**
     * Gradient magnitude by central differences (ITK {@code GradientMagnitudeImageFilter}: edge values
     * repeated at the border), {@code (x[i+1] − x[i−1]) / (2 s)} per axis, s the spacing or 1.
     */
    public static Volume gradientMagnitude(Volume in, boolean useSpacing) {
        Geometry g = in.geometry();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        float[] v = in.voxels();
        double[] s = useSpacing ? g.spacing() : new double[] {1, 1, 1};
        float[] o = new float[v.length];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double dx = (v[g.index(Math.min(x + 1, nx - 1), y, z)] - v[g.index(Math.max(x - 1, 0), y, z)]) / (2 * s[0]);
                    double dy = (v[g.index(x, Math.min(y + 1, ny - 1), z)] - v[g.index(x, Math.max(y - 1, 0), z)]) / (2 * s[1]);
                    double dz = (v[g.index(x, y, Math.min(z + 1, nz - 1))] - v[g.index(x, y, Math.max(z - 1, 0))]) / (2 * s[2]);
                    o[g.index(x, y, z)] = (float) Math.sqrt(dx * dx + dy * dy + dz * dz);
                }
            }
        }
        return new Volume(g, o);
    }
}
