package org.radstream.inference;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.radstream.streaming.stage.OptionReader;
import org.radstream.streaming.stage.StageDefinition;
import org.radstream.streaming.stage.StageFlag;
import org.radstream.streaming.stage.StageMain;
import org.radstream.streaming.stage.StageSettings;
import org.radstream.streaming.stage.StreamsStageService;
import org.radstream.streaming.topics.Topics;

/**
 * {@code main} of the inference stage: case features ⋈ clinical record ⋈ current model → risk scores
 * ({@link InferenceTopology}) as a {@link StreamsStageService}. Flags and start-up: {@link StageMain}; the stage's
 * own flags are {@link #FLAGS}.
 */
public final class InferenceMain {

    /** The stage's own flags (besides the common ones). */
    public static final List<StageFlag> FLAGS = List.of(
            new StageFlag("model.name", InferenceSettings.DEFAULT_MODEL, "Key of the model on radstream.models.v1 to score with."),
            new StageFlag("alb.min", "10", "Lowest plausible serum albumin, g/L; below: DLQ ALB_OUT_OF_RANGE."),
            new StageFlag("alb.max", "70", "Highest plausible serum albumin, g/L."),
            new StageFlag("waiting.check.ms", "1000", "How often (ms) cases waiting for a model or a clinical record are re-checked."),
            new StageFlag("clinical.wait.s", "600", "Seconds a case may wait for its clinical record before DLQ MISSING_CLINICAL."),
            StreamsStageService.stateDirFlag(InferenceTopology.STAGE));

    public static final StageDefinition DEFINITION = new StageDefinition(InferenceTopology.STAGE,
            "Scores case features with their clinical record and the current model; bad clinical records go to the DLQ.",
            FLAGS, (config, settings, metrics, counts) -> {
                InferenceSettings inference = settings(settings);
                return new StreamsStageService(InferenceTopology.STAGE, config, settings,
                        List.of(Topics.FEATURES_CASE, Topics.CLINICAL, Topics.MODELS, Topics.RISK_SCORES),
                        metrics, counts, serdes -> InferenceTopology.buildTopology(inference, serdes, counts, metrics));
            });

    private InferenceMain() {
    }

    public static void main(String[] args) {
        System.exit(DEFINITION.run(args, System.getenv(), System.out, System.err));
    }

    /**
     * The stage's settings from its flags.
     *
     * @throws org.radstream.streaming.config.ConfigException naming every invalid flag, its source and the reason
     */
    public static InferenceSettings settings(StageSettings s) {
        OptionReader r = s.reader();
        String model = r.string("model.name");
        double albMin = r.number("alb.min");
        double albMax = r.number("alb.max");
        if (!(albMin >= 0 && albMin < albMax)) {
            r.problem("alb.max", "ALB range [" + s.option("alb.min") + ", " + s.option("alb.max") + "] must satisfy 0 <= min < max");
        }
        Duration check = r.positive("waiting.check.ms", ChronoUnit.MILLIS);
        Duration wait = r.positive("clinical.wait.s", ChronoUnit.SECONDS);
        r.check();
        return new InferenceSettings(model, albMin, albMax, check, wait);
    }
}
