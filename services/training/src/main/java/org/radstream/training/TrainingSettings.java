package org.radstream.training;

import java.time.Duration;
import java.util.Objects;

import org.radstream.modeling.study.StudySettings;

/**
 * Settings of the training stage.
 *
 * @param modelName        key of the published model on {@code radstream.models.v1}, default {@value #DEFAULT_MODEL}
 *                         (the name inference scores with; the artifact holds all nine models, the nomogram is the
 *                         one that makes a risk score)
 * @param minLabelledCases train only when at least this many usable labelled cases (features + clinical + outcome,
 *                         after exclusions) exist, default 60
 * @param quietPeriod      and no labelled case arrived or changed for this long, default 10 s (a batch of outcomes
 *                         is trained once, not once per record)
 * @param seed             seed of the 7:3 split, the CV folds and the forests, default 7
 */
public record TrainingSettings(String modelName, int minLabelledCases, Duration quietPeriod, long seed) {
    public static final String DEFAULT_MODEL = "nomogram";
    public static final TrainingSettings DEFAULT = new TrainingSettings(DEFAULT_MODEL, 60, Duration.ofSeconds(10), 7);

    public TrainingSettings {
        if (modelName == null || !modelName.matches("[A-Za-z0-9_][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("training: model name must be letters, digits, . _ - (it names a blob folder); got '"
                    + modelName + "'");
        }
        if (minLabelledCases < 1) {
            throw new IllegalArgumentException("training: min labelled cases must be >= 1; got " + minLabelledCases);
        }
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        if (quietPeriod.isNegative()) {
            throw new IllegalArgumentException("training: quiet period must not be negative; got " + quietPeriod);
        }
    }

    /** The study's analysis settings with this seed. */
    public StudySettings study() {
        return StudySettings.DEFAULT.withSeed(seed);
    }

    public TrainingSettings withMinLabelledCases(int n) {
        return new TrainingSettings(modelName, n, quietPeriod, seed);
    }

    public TrainingSettings withQuietPeriod(Duration d) {
        return new TrainingSettings(modelName, minLabelledCases, d, seed);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(modelName, minLabelledCases, quietPeriod, s);
    }
}
