package org.radstream.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the service trains (the rule, Kafka-free). Train when all hold:
 * <ol>
 *   <li>the service has read every input topic up to the end offsets it saw at start (so a restart judges the
 *       whole history, not a prefix of it);</li>
 *   <li>no labelled case arrived or changed for the quiet period (a batch of outcomes trains once);</li>
 *   <li>at least {@code minLabelledCases} usable labelled cases exist;</li>
 *   <li>their fingerprint differs from the {@code trainingDataFingerprint} of the latest published model of this
 *       name (so a restart does not retrain the same data) and from the fingerprint of the last failed run (so a
 *       failure is reported once, not in a loop; new data tries again).</li>
 * </ol>
 * The on-demand {@code radstream train} skips this rule (see {@link OnDemandTraining}).
 */
public final class TrainingTrigger {
    /** What to do now. */
    public enum Decision {
        /** Still reading the topics' history. */
        CATCHING_UP,
        /** A labelled case arrived less than the quiet period ago. */
        QUIET_PERIOD,
        /** Fewer usable labelled cases than the minimum. */
        TOO_FEW_CASES,
        /** The latest model was trained on exactly these cases. */
        UP_TO_DATE,
        /** The last run on exactly these cases failed (and was dead-lettered). */
        FAILED_BEFORE,
        TRAIN
    }

    private final int minLabelledCases;
    private final Duration quietPeriod;

    public TrainingTrigger(int minLabelledCases, Duration quietPeriod) {
        this.minLabelledCases = minLabelledCases;
        this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
    }

    public TrainingTrigger(TrainingSettings s) {
        this(s.minLabelledCases(), s.quietPeriod());
    }

    /** The cheap part of the rule, before the cases are snapshotted: caught up and quiet. */
    public Decision precheck(boolean caughtUp, Instant lastLabelledChange, Instant now) {
        if (!caughtUp) {
            return Decision.CATCHING_UP;
        }
        if (lastLabelledChange != null && Duration.between(lastLabelledChange, now).compareTo(quietPeriod) < 0) {
            return Decision.QUIET_PERIOD;
        }
        return Decision.TRAIN;
    }

    /**
     * @param usableCases           usable labelled cases now
     * @param fingerprint           their fingerprint
     * @param publishedFingerprint  trainingDataFingerprint of the latest published model of this name, or null
     * @param failedFingerprint     fingerprint of the last failed run, or null
     */
    public Decision decide(boolean caughtUp, Instant lastLabelledChange, Instant now, int usableCases, String fingerprint,
            String publishedFingerprint, String failedFingerprint) {
        Decision d = precheck(caughtUp, lastLabelledChange, now);
        if (d != Decision.TRAIN) {
            return d;
        }
        if (usableCases < minLabelledCases) {
            return Decision.TOO_FEW_CASES;
        }
        if (fingerprint.equals(publishedFingerprint)) {
            return Decision.UP_TO_DATE;
        }
        if (fingerprint.equals(failedFingerprint)) {
            return Decision.FAILED_BEFORE;
        }
        return Decision.TRAIN;
    }
}
