package org.radstream.radiomics.filters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decomposition filters ({@code dec_lo}, {@code dec_hi}) of every wavelet PyWavelets lists as discrete
 * ({@code pywt.wavelist(kind='discrete')}), i.e. every name PyRadiomics' {@code wavelet} setting accepts, in
 * PyWavelets' layout (length, zero padding, orientation, signs), so that the undecimated transform of
 * {@link WaveletFilter} gives PyWavelets' sub-bands.
 *
 * <ul>
 * <li>{@code haar}, {@code db1}–{@code db38}: Daubechies' minimum-phase factorisation (see
 *     {@link #daubechies(int)}).</li>
 * <li>{@code sym2}–{@code sym20}: the same factorisation with the other root set Daubechies' symlets use
 *     (Ten Lectures §8.1, "least asymmetric"): for every real root and every conjugate pair of roots of the
 *     half-band polynomial in y, one of the two reciprocal z roots, recorded per order in {@link #SYMLET_ROOTS}
 *     (identified once against PyWavelets' tables; computed here to full double precision, whereas
 *     PyWavelets' symlet tables carry errors up to ~1e−10 for sym19/sym20).</li>
 * <li>{@code coif1}: closed form with √7; {@code coif2}–{@code coif17}, {@code dmey}: no closed form
 *     (coiflets solve a nonlinear moment system, dmey is an FIR approximation of Meyer's filter), read from
 *     {@code wavelet-table.tsv}, generated from PyWavelets by the committed {@code gen_wavelet_table.py}.</li>
 * <li>{@code biorNr.Nd}: Cohen–Daubechies–Feauveau biorthogonal filters in closed form (see
 *     {@link #biorthogonal(int, int)}); {@code rbioNr.Nd}: the same pair with decomposition and
 *     reconstruction exchanged.</li>
 * </ul>
 */
public final class WaveletFamilies {
    private WaveletFamilies() {
    }

    /** Decomposition low-pass and high-pass, as PyWavelets' {@code Wavelet.dec_lo} and {@code dec_hi}. */
    public record DecompositionFilters(double[] lowPass, double[] highPass) {
    }

    private static final String[] BIOR = {"1.1", "1.3", "1.5", "2.2", "2.4", "2.6", "2.8", "3.1", "3.3", "3.5",
        "3.7", "3.9", "4.4", "5.5", "6.8"};

    /**
     * Symlet root choice per order N = 2…20: for the roots of P_N(y) sorted by increasing real part (a
     * conjugate pair counted once), 'i' takes the z root inside the unit circle, 'o' the one outside.
     */
    private static final String[] SYMLET_ROOTS = {null, null, "i", "i", "io", "oi", "oio", "oii", "ioio", "iooi",
        "oioio", "iooii", "oioioi", "iioooi", "iiooioi", "iioooii", "oiiooioi", "ioooiiio", "oiooiioio",
        "iioioooii", "oioiiooioi"};

    private static final Map<String, double[]> TABLE = readTable();

    /** Every supported name, in PyWavelets' family order. */
    public static List<String> names() {
        List<String> n = new ArrayList<>();
        n.add("haar");
        for (int k = 1; k <= 38; k++) {
            n.add("db" + k);
        }
        for (int k = 2; k <= 20; k++) {
            n.add("sym" + k);
        }
        for (int k = 1; k <= 17; k++) {
            n.add("coif" + k);
        }
        for (String b : BIOR) {
            n.add("bior" + b);
        }
        for (String b : BIOR) {
            n.add("rbio" + b);
        }
        n.add("dmey");
        return Collections.unmodifiableList(n);
    }

    /** The names as a compact list for error messages and docs. */
    public static String summary() {
        return "haar, db1..db38, sym2..sym20, coif1..coif17, bior" + String.join("/", BIOR) + ", rbio"
                + String.join("/", BIOR) + ", dmey";
    }

    public static boolean isKnown(String name) {
        return names().contains(name.toLowerCase(Locale.ROOT));
    }

    /** The decomposition filters of {@code name} (case-insensitive), or null if it is not a discrete wavelet. */
    public static DecompositionFilters of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!isKnown(n)) {
            return null;
        }
        if (n.startsWith("bior") || n.startsWith("rbio")) {
            String[] p = n.substring(4).split("\\.");
            double[][] f = biorthogonal(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            double[] decLo = f[0];
            double[] recLo = f[1];
            int len = decLo.length;
            // PyWavelets: dec_hi[k] = (−1)^(k+1) rec_lo[k], rec_hi[k] = (−1)^k dec_lo[k]
            double[] decHi = new double[len];
            double[] recHi = new double[len];
            for (int k = 0; k < len; k++) {
                decHi[k] = ((k & 1) == 0 ? -1 : 1) * recLo[k];
                recHi[k] = ((k & 1) == 0 ? 1 : -1) * decLo[k];
            }
            if (n.startsWith("rbio")) { // reverse biorthogonal: the reconstruction pair, time-reversed
                return new DecompositionFilters(reversed(recLo), reversed(recHi));
            }
            return new DecompositionFilters(decLo, decHi);
        }
        double[] recLo;
        if (n.equals("haar")) {
            recLo = daubechies(1);
        } else if (n.startsWith("db")) {
            recLo = daubechies(Integer.parseInt(n.substring(2)));
        } else if (n.startsWith("sym")) {
            int order = Integer.parseInt(n.substring(3));
            recLo = factorised(order, SYMLET_ROOTS[order]);
        } else if (n.equals("coif1")) {
            double s7 = Math.sqrt(7);
            double d = 16 * Math.sqrt(2);
            recLo = new double[] {(1 - s7) / d, (5 + s7) / d, (14 + 2 * s7) / d, (14 - 2 * s7) / d, (1 - s7) / d,
                (-3 + s7) / d};
        } else {
            recLo = reversed(TABLE.get(n));
        }
        return orthogonal(recLo);
    }

    /** Orthogonal wavelet from its reconstruction low-pass: dec_lo reversed, dec_hi the quadrature mirror. */
    private static DecompositionFilters orthogonal(double[] recLo) {
        double[] lo = reversed(recLo);
        int f = lo.length;
        double[] hi = new double[f];
        for (int k = 0; k < f; k++) {
            hi[k] = ((k & 1) == 0 ? -1 : 1) * lo[f - 1 - k];
        }
        return new DecompositionFilters(lo, hi);
    }

    /** Daubechies' scaling filter with N vanishing moments (all z roots inside the unit circle). */
    static double[] daubechies(int n) {
        return factorised(n, "i".repeat(n / 2)); // P_N has N−1 roots: (N−1)/2 pairs plus one real root if N is even
    }

    /**
     * Orthonormal scaling filter by spectral factorisation: {@code |m0(ω)|² = cos^{2N}(ω/2) P_N(sin²(ω/2))}
     * with {@code P_N(y) = Σ_{k<N} C(N−1+k, k) y^k}. Each root y of P_N gives the reciprocal pair of roots of
     * {@code z² − (2 − 4y) z + 1} ({@code y = (2 − z − 1/z)/4}); the filter has the zero z = −1 N times and
     * one root of each pair, chosen by {@code choice} ('i' inside, 'o' outside the unit circle, one letter
     * per real root or conjugate pair of P_N, sorted by increasing real part). Normalised to Σ h = √2;
     * coefficients in descending powers of z, PyWavelets' {@code rec_lo} order.
     */
    static double[] factorised(int n, String choice) {
        Cx[] poly = {Cx.ONE};
        for (int k = 0; k < n; k++) {
            poly = mulRoot(poly, Cx.real(-1));
        }
        if (n > 1) {
            List<Cx[]> groups = groups(halfBandRoots(n));
            for (int g = 0; g < groups.size(); g++) {
                boolean inside = choice.charAt(g) == 'i';
                for (Cx y : groups.get(g)) {
                    poly = mulRoot(poly, zRoot(y, inside));
                }
            }
        }
        return normalised(poly);
    }

    /**
     * Roots of P_N(y) = Σ_{k<N} C(N−1+k, k) y^k: Durand–Kerner in double, then Newton steps in 40-digit
     * arithmetic (the roots are ill-conditioned in double beyond N ≈ 16: the coefficients reach C(74, 37)).
     */
    private static List<Cx> halfBandRoots(int n) {
        BigDecimal[] coef = new BigDecimal[n];
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            coef[k] = new BigDecimal(binomialExact(n - 1 + k, k));
            c[k] = coef[k].doubleValue();
        }
        List<Cx> roots = new ArrayList<>();
        for (double[] r : polyRoots(c)) {
            Cx y = new Cx(new BigDecimal(r[0]), new BigDecimal(r[1]));
            for (int it = 0; it < 40; it++) {
                Cx p = Cx.ZERO;
                Cx dp = Cx.ZERO;
                for (int j = n - 1; j >= 0; j--) {
                    dp = dp.mul(y).add(p);
                    p = p.mul(y).add(Cx.real(coef[j]));
                }
                Cx step = p.div(dp);
                y = y.sub(step);
                if (step.abs() < 1e-30) {
                    break;
                }
            }
            roots.add(y);
        }
        for (int i = 0; i < roots.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (roots.get(i).sub(roots.get(j)).abs() < 1e-8) {
                    throw new IllegalStateException("root polishing of P_" + n + " merged two roots");
                }
            }
        }
        return roots;
    }

    /** Real roots alone, complex roots with their conjugate, sorted by increasing real part. */
    private static List<Cx[]> groups(List<Cx> roots) {
        List<Cx[]> out = new ArrayList<>();
        for (Cx r : roots) {
            if (Math.abs(r.im.doubleValue()) < 1e-9) {
                out.add(new Cx[] {new Cx(r.re, BigDecimal.ZERO)});
            } else if (r.im.signum() > 0) {
                out.add(new Cx[] {r, new Cx(r.re, r.im.negate())});
            }
        }
        out.sort((a, b) -> Double.compare(a[0].re.doubleValue(), b[0].re.doubleValue()));
        return out;
    }

    /** The root of z² − (2 − 4y) z + 1 inside (or outside) the unit circle. */
    private static Cx zRoot(Cx y, boolean inside) {
        Cx b = Cx.real(2).sub(y.mul(Cx.real(4)));
        Cx disc = b.mul(b).sub(Cx.real(4)).sqrt();
        Cx z1 = b.add(disc).mul(Cx.real(0.5));
        Cx z2 = b.sub(disc).mul(Cx.real(0.5));
        boolean firstInside = z1.abs() < z2.abs();
        return firstInside == inside ? z1 : z2;
    }

    /**
     * Cohen–Daubechies–Feauveau biorthogonal pair {dec_lo, rec_lo} for PyWavelets' {@code biorNr.Nd}, both
     * zero-padded to PyWavelets' common even length. With l = (Nr + Nd)/2 and {@code y = (2 − z − 1/z)/4}
     * the product of the two low-passes is {@code 2 ((1+z)/2)^{2l} P_l(y)} (Ten Lectures §8.3):
     * <ul>
     * <li>spline family (all but 4.4, 5.5, 6.8): rec_lo = √2 ((1+z)/2)^Nr, the B-spline, and
     *     dec_lo = √2 ((1+z)/2)^Nd P_l(y);</li>
     * <li>4.4, 5.5, 6.8 (Daubechies' Table 8.3, lengths 9/7, 9/11, 17/11): the roots of P_l are split,
     *     rec_lo = ((1+z))^a × the real root or conjugate pair number j (by increasing real part) of P_l,
     *     dec_lo = ((1+z))^(2l−a) × the rest, each normalised to Σ = √2; (a, j) = (4, 0), (6, 0), (6, 1).</li>
     * </ul>
     * Layout: length L = the longer filter rounded up to even; an even-length filter is centred at (L−1)/2;
     * an odd-length dec_lo is centred at L/2 and an odd-length rec_lo at L/2 − 1.
     */
    static double[][] biorthogonal(int nr, int nd) {
        int l = (nr + nd) / 2;
        double[] dec;
        double[] rec;
        if ((nr == 4 && nd == 4) || (nr == 5 && nd == 5) || (nr == 6 && nd == 8)) {
            int recZeros = nr == 4 ? 4 : 6;
            int recGroup = nr == 6 ? 1 : 0;
            List<Cx[]> groups = groups(halfBandRoots(l));
            Cx[] recPoly = Cx.realArray(binomialRow(recZeros));
            Cx[] decPoly = Cx.realArray(binomialRow(2 * l - recZeros));
            for (int g = 0; g < groups.size(); g++) {
                for (Cx y : groups.get(g)) {
                    // both z roots of the pair: the factor (z − r)(z − 1/r) ∝ y − y0 is symmetric
                    for (boolean inside : new boolean[] {true, false}) {
                        if (g == recGroup) {
                            recPoly = mulRoot(recPoly, zRoot(y, inside));
                        } else {
                            decPoly = mulRoot(decPoly, zRoot(y, inside));
                        }
                    }
                }
            }
            dec = normalised(decPoly);
            rec = normalised(recPoly);
        } else {
            rec = normalised(binomialRow(nr));
            // √2 ((1+z)/2)^Nd Σ_k C(l−1+k, k) y^k, with y^k as a Laurent polynomial in z of degree ±k
            double[] y = {-0.25, 0.5, -0.25};
            double[] p = new double[2 * (l - 1) + 1];
            double[] yk = {1};
            for (int k = 0; k < l; k++) {
                int off = (l - 1) - k;
                double c = binomial(l - 1 + k, k);
                for (int j = 0; j < yk.length; j++) {
                    p[off + j] += c * yk[j];
                }
                yk = convolve(yk, y);
            }
            dec = normalised(convolve(binomialRow(nd), p));
        }
        int len = Math.max(dec.length, rec.length);
        len += len % 2;
        return new double[][] {place(dec, len, true), place(rec, len, false)};
    }

    private static double[] place(double[] f, int len, boolean decomposition) {
        int start;
        if (f.length % 2 == 0) {
            start = (len - f.length) / 2;
        } else {
            int centre = decomposition ? len / 2 : len / 2 - 1;
            start = centre - (f.length - 1) / 2;
        }
        double[] out = new double[len];
        System.arraycopy(f, 0, out, start, f.length);
        return out;
    }

    private static double[] binomialRow(int m) {
        double[] b = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            b[k] = binomial(m, k);
        }
        return b;
    }

    private static double[] convolve(double[] a, double[] b) {
        double[] out = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }

    private static double[] normalised(double[] h) {
        double sum = 0;
        for (double x : h) {
            sum += x;
        }
        double[] out = new double[h.length];
        for (int k = 0; k < h.length; k++) {
            out[k] = h[k] * Math.sqrt(2) / sum;
        }
        return out;
    }

    private static double[] reversed(double[] f) {
        double[] r = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            r[k] = f[f.length - 1 - k];
        }
        return r;
    }

    private static java.math.BigInteger binomialExact(int n, int k) {
        java.math.BigInteger b = java.math.BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            b = b.multiply(java.math.BigInteger.valueOf(n - k + i)).divide(java.math.BigInteger.valueOf(i));
        }
        return b;
    }

    private static double binomial(int n, int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return b;
    }

    /** Multiplies the descending-power complex polynomial p by (x − r). */
    private static Cx[] mulRoot(Cx[] p, Cx r) {
        Cx[] o = new Cx[p.length + 1];
        Arrays.fill(o, Cx.ZERO);
        for (int k = 0; k < p.length; k++) {
            o[k] = o[k].add(p[k]);
            o[k + 1] = o[k + 1].sub(p[k].mul(r));
        }
        return o;
    }

    /** The real parts, scaled to Σ = √2. */
    private static double[] normalised(Cx[] h) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Cx x : h) {
            sum = sum.add(x.re);
        }
        BigDecimal scale = BigDecimal.valueOf(2).sqrt(Cx.MC).divide(sum, Cx.MC);
        double[] out = new double[h.length];
        for (int k = 0; k < h.length; k++) {
            out[k] = h[k].re.multiply(scale, Cx.MC).doubleValue();
        }
        return out;
    }

    /** Complex number in 40-digit decimal arithmetic. */
    private record Cx(BigDecimal re, BigDecimal im) {
        static final MathContext MC = new MathContext(40);
        static final Cx ZERO = real(0);
        static final Cx ONE = real(1);

        static Cx real(double v) {
            return new Cx(new BigDecimal(v), BigDecimal.ZERO);
        }

        static Cx real(BigDecimal v) {
            return new Cx(v, BigDecimal.ZERO);
        }

        static Cx[] realArray(double[] v) {
            Cx[] c = new Cx[v.length];
            for (int i = 0; i < v.length; i++) {
                c[i] = real(v[i]);
            }
            return c;
        }

        Cx add(Cx o) {
            return new Cx(re.add(o.re, MC), im.add(o.im, MC));
        }

        Cx sub(Cx o) {
            return new Cx(re.subtract(o.re, MC), im.subtract(o.im, MC));
        }

        Cx mul(Cx o) {
            return new Cx(re.multiply(o.re, MC).subtract(im.multiply(o.im, MC), MC),
                    re.multiply(o.im, MC).add(im.multiply(o.re, MC), MC));
        }

        Cx div(Cx o) {
            BigDecimal d = o.re.multiply(o.re, MC).add(o.im.multiply(o.im, MC), MC);
            return new Cx(re.multiply(o.re, MC).add(im.multiply(o.im, MC), MC).divide(d, MC),
                    im.multiply(o.re, MC).subtract(re.multiply(o.im, MC), MC).divide(d, MC));
        }

        /** Principal square root. */
        Cx sqrt() {
            BigDecimal m = re.multiply(re, MC).add(im.multiply(im, MC), MC).sqrt(MC);
            BigDecimal half = new BigDecimal("0.5");
            BigDecimal r = m.add(re, MC).multiply(half, MC).max(BigDecimal.ZERO).sqrt(MC);
            BigDecimal i = m.subtract(re, MC).multiply(half, MC).max(BigDecimal.ZERO).sqrt(MC);
            return new Cx(r, im.signum() < 0 ? i.negate() : i);
        }

        double abs() {
            return Math.hypot(re.doubleValue(), im.doubleValue());
        }
    }

    /** Complex roots (re, im) of a real polynomial given by ascending coefficients (Durand–Kerner). */
    static double[][] polyRoots(double[] c) {
        int deg = c.length - 1;
        double[][] z = new double[deg][2];
        for (int k = 0; k < deg; k++) {
            double ang = 2 * Math.PI * k / deg + 0.4;
            z[k][0] = Math.cos(ang) * 0.9;
            z[k][1] = Math.sin(ang) * 0.9;
        }
        double lead = c[deg];
        for (int iter = 0; iter < 5000; iter++) {
            double change = 0;
            for (int k = 0; k < deg; k++) {
                double pRe = 0;
                double pIm = 0;
                for (int j = deg; j >= 0; j--) {
                    double t = pRe * z[k][0] - pIm * z[k][1] + c[j] / lead;
                    pIm = pRe * z[k][1] + pIm * z[k][0];
                    pRe = t;
                }
                double qRe = 1;
                double qIm = 0;
                for (int j = 0; j < deg; j++) {
                    if (j != k) {
                        double dRe = z[k][0] - z[j][0];
                        double dIm = z[k][1] - z[j][1];
                        double t = qRe * dRe - qIm * dIm;
                        qIm = qRe * dIm + qIm * dRe;
                        qRe = t;
                    }
                }
                double den = qRe * qRe + qIm * qIm;
                double wRe = (pRe * qRe + pIm * qIm) / den;
                double wIm = (pIm * qRe - pRe * qIm) / den;
                z[k][0] -= wRe;
                z[k][1] -= wIm;
                change = Math.max(change, Math.hypot(wRe, wIm));
            }
            if (change < 1e-15) {
                break;
            }
        }
        return z;
    }

    private static Map<String, double[]> readTable() {
        Map<String, double[]> t = new LinkedHashMap<>();
        try (InputStream in = WaveletFamilies.class.getResourceAsStream("wavelet-table.tsv")) {
            if (in == null) {
                throw new IllegalStateException("resource wavelet-table.tsv missing next to " + WaveletFamilies.class);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\t");
                t.put(p[0], Arrays.stream(p[1].split(",")).mapToDouble(Double::parseDouble).toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return t;
    }
}
