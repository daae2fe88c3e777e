package org.radstream.radiomics.features;

import java.util.Arrays;
import java.util.List;

import org.radstream.radiomics.ExtractionSettings;
import org.radstream.radiomics.ExtractionSettings.Compatibility;
import org.radstream.radiomics.preprocess.CroppedRoi;
import org.radstream.radiomics.preprocess.Discretiser.Discretised;

/**
 * First-order statistics of the ROI intensities X (N_p voxels; PyRadiomics {@code firstorder}, IBSI
 * "intensity statistics" and, for Entropy and Uniformity, "intensity histogram" of the discretised
 * image). Percentiles interpolate linearly between order statistics (numpy's default). {@code c} is
 * {@code voxelArrayShift}, added only where PyRadiomics adds it (energy, total energy, RMS).
 */
public final class FirstOrderFeatures {
    public static final List<Feature<FirstOrderFeatures>> FEATURES = List.of(
            Feature.of("Energy", FirstOrderFeatures::energy),
            Feature.of("TotalEnergy", FirstOrderFeatures::totalEnergy),
            Feature.of("Entropy", FirstOrderFeatures::entropy),
            Feature.of("Minimum", FirstOrderFeatures::minimum),
            Feature.of("10Percentile", FirstOrderFeatures::percentile10),
            Feature.of("90Percentile", FirstOrderFeatures::percentile90),
            Feature.of("Maximum", FirstOrderFeatures::maximum),
            Feature.of("Mean", FirstOrderFeatures::mean),
            Feature.of("Median", FirstOrderFeatures::median),
            Feature.of("InterquartileRange", FirstOrderFeatures::interquartileRange),
            Feature.of("Range", FirstOrderFeatures::range),
            Feature.of("MeanAbsoluteDeviation", FirstOrderFeatures::meanAbsoluteDeviation),
            Feature.of("RobustMeanAbsoluteDeviation", FirstOrderFeatures::robustMeanAbsoluteDeviation),
            Feature.of("RootMeanSquared", FirstOrderFeatures::rootMeanSquared),
            Feature.deprecated("StandardDeviation", FirstOrderFeatures::standardDeviation),
            Feature.of("Skewness", FirstOrderFeatures::skewness),
            Feature.of("Kurtosis", FirstOrderFeatures::kurtosis),
            Feature.of("Variance", FirstOrderFeatures::variance),
            Feature.of("Uniformity", FirstOrderFeatures::uniformity));

    private final double[] sorted;
    private final double[] binProbabilities;
    private final double shift;
    private final double voxelVolume;
    private final double mean;
    private final boolean ibsi;

    FirstOrderFeatures(CroppedRoi roi, Discretised disc, ExtractionSettings settings) {
        sorted = roi.roiValues();
        Arrays.sort(sorted);
        int[] counts = new int[disc.ng() + 1];
        int[] bins = disc.bins();
        boolean[] mask = roi.mask();
        for (int i = 0; i < bins.length; i++) {
            if (mask[i]) {
                counts[bins[i]]++;
            }
        }
        binProbabilities = Arrays.stream(counts).filter(c -> c > 0).mapToDouble(c -> (double) c / sorted.length)
                .toArray();
        shift = settings.voxelArrayShift();
        double[] sp = roi.spacing();
        voxelVolume = sp[0] * sp[1] * sp[2];
        double s = 0;
        for (double x : sorted) {
            s += x;
        }
        mean = s / sorted.length;
        ibsi = settings.compatibility() == Compatibility.IBSI;
    }

    /** Energy <pre>Σ (X(i) + c)²</pre> (IBSI N8CA when c = 0). */
    public double energy() {
        double e = 0;
        for (double x : sorted) {
            e += (x + shift) * (x + shift);
        }
        return e;
    }

    /** Total energy <pre>V_voxel Σ (X(i) + c)²</pre> (PyRadiomics only). */
    public double totalEnergy() {
        return energy() * voxelVolume;
    }

    /** Entropy of the discretised histogram <pre>−Σ p(i) log₂(p(i) + ε)</pre> (IBSI TLU2). */
    public double entropy() {
        return GlcmFeatures.entropy(binProbabilities);
    }

    /** Minimum (IBSI 1GSF). */
    public double minimum() {
        return sorted[0];
    }

    /** 10th percentile, linear interpolation (IBSI QG58). */
    public double percentile10() {
        return percentile(10);
    }

    /** 90th percentile, linear interpolation (IBSI 8DWT). */
    public double percentile90() {
        return percentile(90);
    }

    /** Maximum (IBSI 84IY). */
    public double maximum() {
        return sorted[sorted.length - 1];
    }

    /** Mean <pre>Σ X(i) / N_p</pre> (IBSI Q4LE). */
    public double mean() {
        return mean;
    }

    /** Median (IBSI Y12H). */
    public double median() {
        return percentile(50);
    }

    /** Interquartile range <pre>P75 − P25</pre> (IBSI SALO). */
    public double interquartileRange() {
        return percentile(75) - percentile(25);
    }

    /** Range <pre>max − min</pre> (IBSI 2OJQ). */
    public double range() {
        return maximum() - minimum();
    }

    /** Mean absolute deviation <pre>Σ |X(i) − X̄| / N_p</pre> (IBSI 4FUA). */
    public double meanAbsoluteDeviation() {
        double s = 0;
        for (double x : sorted) {
            s += Math.abs(x - mean);
        }
        return s / sorted.length;
    }

    /** Robust mean absolute deviation: the MAD of the voxels with P10 ≤ X ≤ P90 about their own mean (IBSI 1128). */
    public double robustMeanAbsoluteDeviation() {
        double lo = percentile10();
        double hi = percentile90();
        double s = 0;
        int n = 0;
        for (double x : sorted) {
            if (x >= lo && x <= hi) {
                s += x;
                n++;
            }
        }
        double m = s / n;
        double d = 0;
        for (double x : sorted) {
            if (x >= lo && x <= hi) {
                d += Math.abs(x - m);
            }
        }
        return d / n;
    }

    /** Root mean squared <pre>√(Σ (X(i) + c)² / N_p)</pre> (IBSI 5ZWQ when c = 0). */
    public double rootMeanSquared() {
        return Math.sqrt(energy() / sorted.length);
    }

    /** Standard deviation (deprecated in PyRadiomics, computed only when named) <pre>√(μ₂)</pre>. */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** Skewness <pre>μ₃ / μ₂^{3/2}</pre>, 0 for a flat region (IBSI KE2A). */
    public double skewness() {
        double m2 = moment(2);
        return m2 == 0 ? 0 : moment(3) / Math.pow(m2, 1.5);
    }

    /**
     * Kurtosis <pre>μ₄ / μ₂²</pre>, 0 for a flat region. PyRadiomics reports plain kurtosis, IBSI (IPH6) the
     * excess kurtosis {@code μ₄/μ₂² − 3}; {@code compatibility: ibsi} returns the latter.
     */
    public double kurtosis() {
        double m2 = moment(2);
        if (m2 == 0) {
            return 0;
        }
        double k = moment(4) / (m2 * m2);
        return ibsi ? k - 3 : k;
    }

    /** Variance <pre>μ₂ = Σ (X(i) − X̄)² / N_p</pre> (IBSI ECT3). */
    public double variance() {
        return moment(2);
    }

    /** Uniformity of the discretised histogram <pre>Σ p(i)²</pre> (IBSI BJ5W). */
    public double uniformity() {
        return GlrlmFeatures.sumSq(binProbabilities);
    }

    private double moment(int k) {
        double s = 0;
        for (double x : sorted) {
            s += Math.pow(x - mean, k);
        }
        return s / sorted.length;
    }

    /** numpy.percentile with linear interpolation. */
    double percentile(double q) {
        double pos = (sorted.length - 1) * q / 100.0;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double f = pos - lo;
        return sorted[lo] + f * (sorted[hi] - sorted[lo]);
    }
}
