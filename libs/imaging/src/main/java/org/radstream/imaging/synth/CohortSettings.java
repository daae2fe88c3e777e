package org.radstream.imaging.synth;

import java.util.Map;

import org.radstream.imaging.sequence.MrSequence;

/**
 * Parameters of the synthetic cohort. The generative model (written to {@code generator.json}):
 * <pre>
 *   y_i ∈ {0,1}                 early recurrence, exactly {@code earlyRecurrences} of {@code patients}
 *   r_i = d·y_i + ε_i,  ε ~ N(0,1)                        latent risk; oracle AUC = Φ(d/√2) in expectation
 *   t_is = w_s·(r_i − d/2) + √(1 − w_s²)·η_is, η ~ N(0,1)  texture drive of sequence s
 *   amplitude_is = a_s·exp(0.35·t_is)          relative sd of the tumour's intensity texture
 *   scale_is     = 2.5 mm·exp(−0.30·t_is)       correlation length of that texture
 * </pre>
 * so higher risk gives coarser-contrast, finer-grained tumour texture, more so in sequences with a
 * larger reliability w_s. Clinical values follow DESIGN §1 Table 1 per group ({@link Table1}).
 *
 * @param patients          number of patients (default 90)
 * @param earlyRecurrences  how many with ER (default 38)
 * @param seed              random seed (default 7); same seed → same cohort, bit for bit
 * @param effectSize        d, the latent-risk separation in SD units (default 1.3 → Φ(0.92) ≈ 0.82)
 * @param reliability       w_s per sequence (default T1 0.75, T2 0.85, AP 0.87, PVP 0.82, DP 0.78)
 * @param slices            slices per series, 5 mm apart (default 14)
 * @param readerBCases      patients re-segmented by reader B (default 15)
 * @param threads           worker threads (default: available processors)
 */
public record CohortSettings(int patients, int earlyRecurrences, long seed, double effectSize,
        Map<MrSequence, Double> reliability, int slices, int readerBCases, int threads) {

    public static final Map<MrSequence, Double> DEFAULT_RELIABILITY = Map.of(
            MrSequence.T1WI, 0.75, MrSequence.T2WI, 0.85, MrSequence.AP, 0.87, MrSequence.PVP, 0.82, MrSequence.DP, 0.78);

    public CohortSettings {
        if (patients < 2) {
            throw new IllegalArgumentException("patients must be ≥ 2, got " + patients);
        }
        if (earlyRecurrences < 1 || earlyRecurrences >= patients) {
            throw new IllegalArgumentException("earlyRecurrences must be in 1.." + (patients - 1) + ", got " + earlyRecurrences);
        }
        if (!(effectSize >= 0) || Double.isInfinite(effectSize)) {
            throw new IllegalArgumentException("effectSize must be ≥ 0, got " + effectSize);
        }
        reliability = Map.copyOf(reliability);
        for (MrSequence s : MrSequence.STUDY) {
            Double w = reliability.get(s);
            if (w == null || !(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("reliability of " + s + " must be in [0,1], got " + w);
            }
        }
        if (slices < 8 || slices > 60) {
            throw new IllegalArgumentException("slices must be in 8..60, got " + slices);
        }
        if (readerBCases < 0 || readerBCases > patients) {
            throw new IllegalArgumentException("readerBCases must be in 0.." + patients + ", got " + readerBCases);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
    }

    public static CohortSettings defaults() {
        return new CohortSettings(90, 38, 7, 1.3, DEFAULT_RELIABILITY, 14, 15, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Other size and seed; reader B's case count is capped at the number of patients. */
    public CohortSettings with(int patients, int earlyRecurrences, long seed) {
        return new CohortSettings(patients, earlyRecurrences, seed, effectSize, reliability, slices,
                Math.min(readerBCases, patients), threads);
    }

    public CohortSettings withEffectSize(double d) {
        return new CohortSettings(patients, earlyRecurrences, seed, d, reliability, slices, readerBCases, threads);
    }

    public CohortSettings withThreads(int n) {
        return new CohortSettings(patients, earlyRecurrences, seed, effectSize, reliability, slices, readerBCases, n);
    }

    public CohortSettings withSlices(int n) {
        return new CohortSettings(patients, earlyRecurrences, seed, effectSize, reliability, n, readerBCases, threads);
    }

    public CohortSettings withReaderBCases(int n) {
        return new CohortSettings(patients, earlyRecurrences, seed, effectSize, reliability, slices, n, threads);
    }
}
