package org.radstream.radiomics.filters;

/**
 * Complex spherical harmonics with SciPy's conventions ({@code scipy.special.sph_harm(m, n, θ, φ)}: θ the
 * azimuthal and φ the polar angle, Condon–Shortley phase included):
 * <pre>Y_n^m(θ, φ) = √((2n+1)/(4π) · (n−m)!/(n+m)!) · P_n^m(cos φ) · e^{i m θ}</pre>
 * with {@code Y_n^{−m} = (−1)^m conj(Y_n^m)}.
 */
final class SphericalHarmonics {
    private SphericalHarmonics() {
    }

    /** {re, im} of Y_n^m(θ, φ). */
    static double[] scipySphHarm(int m, int n, double theta, double phi) {
        int am = Math.abs(m);
        double p = legendre(n, am, Math.cos(phi));
        double k = Math.sqrt((2 * n + 1) / (4 * Math.PI) * factorialRatio(n - am, n + am));
        double re = k * p * Math.cos(am * theta);
        double im = k * p * Math.sin(am * theta);
        if (m < 0) {
            double sign = (am % 2 == 0) ? 1 : -1;
            re = sign * re;
            im = -sign * im;
        }
        return new double[] {re, im};
    }

    /** (a)! / (b)! for a ≤ b. */
    private static double factorialRatio(int a, int b) {
        double r = 1;
        for (int i = a + 1; i <= b; i++) {
            r /= i;
        }
        return r;
    }

    /** Associated Legendre function P_n^m(x), m ≥ 0, with the Condon–Shortley phase (−1)^m. */
    static double legendre(int n, int m, double x) {
        double pmm = 1;
        if (m > 0) {
            double s = Math.sqrt((1 - x) * (1 + x));
            double f = 1;
            for (int i = 1; i <= m; i++) {
                pmm *= -f * s;
                f += 2;
            }
        }
        if (n == m) {
            return pmm;
        }
        double pmmp1 = x * (2 * m + 1) * pmm;
        if (n == m + 1) {
            return pmmp1;
        }
        double pnm = 0;
        for (int l = m + 2; l <= n; l++) {
            pnm = (x * (2 * l - 1) * pmmp1 - (l + m - 1) * pmm) / (l - m);
            pmm = pmmp1;
            pmmp1 = pnm;
        }
        return pnm;
    }
}
