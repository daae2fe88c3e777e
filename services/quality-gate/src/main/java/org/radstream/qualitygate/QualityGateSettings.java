package org.radstream.qualitygate;

import java.time.Duration;
import java.util.Objects;
import org.radstream.modeling.icc.ReproducibilityGate;

/**
 * Settings of the quality gate.
 *
 * @param gate          ICC form and threshold, default {@link ReproducibilityGate.Settings#DEFAULT}
 *                      (ICC(2,1), keep when ICC &gt; 0.75, the study's rule)
 * @param minPairs      reader A/B pairs of a sequence needed before its first stable set is published,
 *                      default {@value #DEFAULT_MIN_PAIRS} (the study re-segmented 15 cases; an ICC from fewer
 *                      than 10 pairs has a very wide confidence interval)
 * @param releaseCheckInterval how often (wall clock) cases waiting for a stable set are re-checked,
 *                      default 1 s; the stable sets arrive through a global store, which cannot itself
 *                      trigger processing
 */
public record QualityGateSettings(ReproducibilityGate.Settings gate, int minPairs, Duration releaseCheckInterval) {
    public static final int DEFAULT_MIN_PAIRS = 10;
    public static final QualityGateSettings DEFAULT =
            new QualityGateSettings(ReproducibilityGate.Settings.DEFAULT, DEFAULT_MIN_PAIRS, Duration.ofSeconds(1));

    public QualityGateSettings {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(releaseCheckInterval, "releaseCheckInterval");
        if (minPairs < 2) {
            throw new IllegalArgumentException("quality gate: minPairs must be >= 2 (an ICC needs two subjects); got " + minPairs);
        }
        if (releaseCheckInterval.isNegative() || releaseCheckInterval.isZero()) {
            throw new IllegalArgumentException("quality gate: releaseCheckInterval must be positive; got " + releaseCheckInterval);
        }
    }

    public QualityGateSettings withMinPairs(int n) {
        return new QualityGateSettings(gate, n, releaseCheckInterval);
    }

    public QualityGateSettings withGate(ReproducibilityGate.Settings g) {
        return new QualityGateSettings(g, minPairs, releaseCheckInterval);
    }
}
