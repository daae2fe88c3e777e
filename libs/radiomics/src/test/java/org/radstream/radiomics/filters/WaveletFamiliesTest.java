package org.radstream.radiomics.filters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every discrete wavelet against PyWavelets 1.1.1 (Debian python3-pywt), fixtures written by
 * {@code src/test/resources/org/radstream/radiomics/filters/gen_pywt_fixtures.py}
 * (run there as {@code /usr/bin/python3 gen_pywt_fixtures.py}):
 * <ul>
 * <li>{@code pywt-filters.tsv}: {@code pywt.Wavelet(name).dec_lo / dec_hi} for every name of
 *     {@code pywt.wavelist(kind='discrete')};</li>
 * <li>{@code pywt-swt.tsv}: a seeded random 7×6×5 volume and its sub-bands in PyRadiomics' convention
 *     (odd axes wrap-padded, {@code pywt.swtn(data, w, level=1, start_level=0, axes=(2, 1, 0))}, keys a/d →
 *     L/H, cropped), for sym4, coif3, bior2.2, rbio3.1, dmey, bior6.8, db7 and sym7 with start_level 1, level 2.</li>
 * </ul>
 */
class WaveletFamiliesTest {

    /**
     * PyWavelets' symlet tables are rounded values that are themselves not orthonormal beyond ~1e−12 (sym3:
     * 4.8e−12, sym20: 1.4e−11; sym2 differs from the exact D4 closed form by 3.4e−13), so exactly computed
     * symlets can only agree to that table accuracy; every other family agrees to 1e−12.
     */
    private static final double SYMLET_TABLE_TOLERANCE = 1e-10;

    @Test
    void everyDiscreteWaveletHasPyWaveletsFilters() throws IOException {
        Map<String, double[][]> pywt = new LinkedHashMap<>();
        for (String line : lines("pywt-filters.tsv")) {
            String[] p = line.split("\t");
            pywt.put(p[0], new double[][] {parse(p[1]), parse(p[2])});
        }
        assertEquals(106, pywt.size());
        assertEquals(pywt.keySet().stream().sorted().toList(), WaveletFamilies.names().stream().sorted().toList());
        Map<String, Double> worstByFamily = new LinkedHashMap<>();
        for (Map.Entry<String, double[][]> e : pywt.entrySet()) {
            String name = e.getKey();
            WaveletFamilies.DecompositionFilters ours = WaveletFamilies.of(name);
            double tol = name.startsWith("sym") ? SYMLET_TABLE_TOLERANCE : 1e-12;
            assertArrayEquals(e.getValue()[0], ours.lowPass(), tol, name + " dec_lo");
            assertArrayEquals(e.getValue()[1], ours.highPass(), tol, name + " dec_hi");
            double d = Math.max(maxAbsDiff(e.getValue()[0], ours.lowPass()), maxAbsDiff(e.getValue()[1], ours.highPass()));
            worstByFamily.merge(name.replaceAll("[0-9.]+$", ""), d, Math::max);
        }
        System.out.println("max |ours - pywt| of dec_lo/dec_hi by family: " + worstByFamily);
        assertNull(WaveletFamilies.of("sym1"));
        assertNull(WaveletFamilies.of("bior2.3"));
        assertNotNull(WaveletFamilies.of("SYM4"));
    }

    @Test
    void computedSymletsAreExactlyOrthonormalAndSym2IsD4() {
        for (int n = 2; n <= 20; n++) {
            double[] h = WaveletFamilies.of("sym" + n).lowPass();
            for (int m = 0; 2 * m < h.length; m++) {
                double s = 0;
                for (int k = 0; k + 2 * m < h.length; k++) {
                    s += h[k] * h[k + 2 * m];
                }
                assertEquals(m == 0 ? 1 : 0, s, 1e-14, "sym" + n + " shift " + m);
            }
        }
        // sym2 = Daubechies' D4, h = (1+√3, 3+√3, 3−√3, 1−√3)/(4√2), as dec_lo
        double s3 = Math.sqrt(3);
        double d = 4 * Math.sqrt(2);
        assertArrayEquals(new double[] {(1 - s3) / d, (3 - s3) / d, (3 + s3) / d, (1 + s3) / d},
                WaveletFamilies.of("sym2").lowPass(), 1e-15);
    }

    @Test
    void biorthogonalPairsArePerfectReconstructionFilters() {
        // Σ_k dec_lo[k] rec_lo[k + 2m] = δ_m for the CDF pair as laid out (Ten Lectures (8.3.7))
        for (String w : WaveletFamilies.names()) {
            if (!w.startsWith("bior")) {
                continue;
            }
            String[] p = w.substring(4).split("\\.");
            double[][] f = WaveletFamilies.biorthogonal(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            int len = f[0].length;
            for (int m = -len / 2; m <= len / 2; m++) {
                double s = 0;
                for (int k = 0; k < len; k++) {
                    int j = k + 2 * m;
                    if (j >= 0 && j < len) {
                        s += f[0][len - 1 - k] * f[1][j];
                    }
                }
                assertEquals(m == 0 ? 1 : 0, s, 1e-13, w + " shift " + m);
            }
        }
    }

    @Test
    void undecimatedDecompositionEqualsPyWaveletsSwtnInPyRadiomicsConvention() throws IOException {
        List<String> lines = lines("pywt-swt.tsv");
        String[] size = lines.get(0).split("\t");
        int[] n = {Integer.parseInt(size[1]), Integer.parseInt(size[2]), Integer.parseInt(size[3])};
        double[] input = parse(lines.get(1).split("\t")[1]);
        Map<String, Map<String, double[]>> expected = new LinkedHashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] p = line.split("\t");
            expected.computeIfAbsent(p[0] + "\t" + p[1] + "\t" + p[2], k -> new LinkedHashMap<>()).put(p[3], parse(p[4]));
        }
        assertEquals(8, expected.size());
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, Map<String, double[]>> c : expected.entrySet()) {
            String[] k = c.getKey().split("\t");
            Map<String, double[]> ours = WaveletFilter.bands(input, n, k[0], Integer.parseInt(k[1]),
                    Integer.parseInt(k[2]), -1, null, null);
            assertEquals(List.copyOf(c.getValue().keySet()).stream().sorted().toList(),
                    ours.keySet().stream().sorted().toList(), k[0]);
            // symlets: PyWavelets' table error (up to 1.7e−12 per tap for sym7) times Σ|taps|³ ≈ 8 times the
            // values (≤ ~800 after two levels) bounds the difference by ~1e−7; our filters are the exact ones
            double tol = k[0].startsWith("sym") ? 1e-7 : 1e-9;
            double worst = 0;
            for (Map.Entry<String, double[]> band : c.getValue().entrySet()) {
                assertArrayEquals(band.getValue(), ours.get(band.getKey()), tol, k[0] + " " + band.getKey());
                worst = Math.max(worst, maxAbsDiff(band.getValue(), ours.get(band.getKey())));
            }
            report.add(k[0] + (k[2].equals("0") ? "" : " start_level " + k[2] + " level " + k[1])
                    + String.format(": %.1e", worst));
        }
        assertTrue(report.size() == 8);
        System.out.println("max |ours - pywt.swtn| per wavelet (input ~N(100, 30)): " + report);
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static double[] parse(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = WaveletFamiliesTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
