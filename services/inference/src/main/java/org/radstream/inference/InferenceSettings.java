package org.radstream.inference;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the inference stage.
 *
 * @param modelName      key of the model on {@code radstream.models.v1} to score with, default {@value #DEFAULT_MODEL}
 * @param albMinGPerL    lowest plausible serum albumin, g/L, default 10 (lower values are g/dL typed as g/L)
 * @param albMaxGPerL    highest plausible serum albumin, g/L, default 70 (above: mg/dL or typing errors);
 *                       the same range ingestion applies to incoming records
 * @param waitingCheckInterval how often (wall clock) cases waiting for a model or a clinical record are
 *                       re-checked, default 1 s; a GlobalKTable update cannot trigger processing itself
 * @param clinicalWait   how long a case may wait for its clinical record before it goes to the DLQ as
 *                       MISSING_CLINICAL, default 10 min (cases waiting for a model wait indefinitely)
 */
public record InferenceSettings(String modelName, double albMinGPerL, double albMaxGPerL, Duration waitingCheckInterval,
                                Duration clinicalWait) {
    public static final String DEFAULT_MODEL = "nomogram";
    public static final InferenceSettings DEFAULT =
            new InferenceSettings(DEFAULT_MODEL, 10, 70, Duration.ofSeconds(1), Duration.ofMinutes(10));

    public InferenceSettings {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("inference: modelName must be a non-blank model key");
        }
        if (!(albMinGPerL >= 0 && albMinGPerL < albMaxGPerL)) {
            throw new IllegalArgumentException("inference: ALB range must be 0 <= min < max; got [" + albMinGPerL + ", " + albMaxGPerL + "]");
        }
        Objects.requireNonNull(waitingCheckInterval, "waitingCheckInterval");
        Objects.requireNonNull(clinicalWait, "clinicalWait");
        if (waitingCheckInterval.isNegative() || waitingCheckInterval.isZero() || clinicalWait.isNegative() || clinicalWait.isZero()) {
            throw new IllegalArgumentException("inference: waitingCheckInterval and clinicalWait must be positive");
        }
    }

    public InferenceSettings withModelName(String m) {
        return new InferenceSettings(m, albMinGPerL, albMaxGPerL, waitingCheckInterval, clinicalWait);
    }

    public InferenceSettings withClinicalWait(Duration d) {
        return new InferenceSettings(modelName, albMinGPerL, albMaxGPerL, waitingCheckInterval, d);
    }
}
