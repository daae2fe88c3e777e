package org.radstream.modeling.nomogram;

/**
 * R's {@code pretty(range, n)} (R 4.2, src/appl/pretty.c with pretty.default's defaults: min.n = n %/% 3,
 * shrink.sml = 0.75, high.u.bias = 1.5, u5.bias = 0.5 + 1.5·high.u.bias): about n+1 equally spaced "round"
 * values (unit 1, 2, 5 or 10 × 10^k) covering [lo, hi]. rms::nomogram draws each continuous axis over
 * pretty(c(min, max), 10), and that axis range is what its points scale on.
 */
public final class Pretty {
    private Pretty() {
    }

    public static double[] pretty(double lo, double up, int n) {
        final double h = 1.5, h5 = 0.5 + 1.5 * h, shrink = 0.75, eps = 1e-10;
        int minN = n / 3;
        double dx = up - lo;
        double cell;
        boolean small;
        if (dx == 0 && up == 0) {
            cell = 1;
            small = true;
        } else {
            cell = Math.max(Math.abs(lo), Math.abs(up));
            double u = 1 + ((h5 >= 1.5 * h + 0.5) ? 1 / (1 + h) : 1.5 / (1 + h5));
            u *= Math.max(1, n) * Math.ulp(1.0);
            small = dx < cell * u * 3;
        }
        if (small) {
            if (cell > 10) {
                cell = 9 + cell / 10;
            }
            cell *= shrink;
            if (minN > 1) {
                cell /= minN;
            }
        } else {
            cell = dx;
            if (n > 1) {
                cell /= n;
            }
        }
        double base = Math.pow(10.0, Math.floor(Math.log10(cell)));
        double unit = base, ns;
        if ((ns = 2 * base) - cell < h * (cell - unit)) {
            unit = ns;
            if ((ns = 5 * base) - cell < h5 * (cell - unit)) {
                unit = ns;
                if ((ns = 10 * base) - cell < h * (cell - unit)) {
                    unit = ns;
                }
            }
        }
        double nsd = Math.floor(lo / unit + eps), nud = Math.ceil(up / unit - eps);
        while (nsd * unit > lo + eps * unit) {
            nsd--;
        }
        while (nud * unit < up - eps * unit) {
            nud++;
        }
        int k = (int) (0.5 + nud - nsd);
        int ndiv;
        if (k < minN) {
            k = minN - k;
            if (nsd >= 0) {
                nud += k / 2;
                nsd -= k / 2 + k % 2;
            } else {
                nsd -= k / 2;
                nud += k / 2 + k % 2;
            }
            ndiv = minN;
        } else {
            ndiv = k;
        }
        double l = nsd * unit, u = nud * unit;
        double[] s = new double[ndiv + 1];
        double delta = (u - l) / ndiv;
        for (int i = 0; i <= ndiv; i++) {
            // seq.int(l, u, length.out = ndiv + 1)
            s[i] = i == ndiv ? u : l + i * delta;
            if (Math.abs(s[i]) < 1e-14 * delta) {
                s[i] = 0;
            }
        }
        return s;
    }
}
