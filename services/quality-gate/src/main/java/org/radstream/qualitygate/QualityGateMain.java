package org.radstream.qualitygate;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.radstream.modeling.icc.IccForm;
import org.radstream.modeling.icc.ReproducibilityGate;
import org.radstream.streaming.stage.OptionReader;
import org.radstream.streaming.stage.StageDefinition;
import org.radstream.streaming.stage.StageFlag;
import org.radstream.streaming.stage.StageMain;
import org.radstream.streaming.stage.StageSettings;
import org.radstream.streaming.stage.StreamsStageService;
import org.radstream.streaming.topics.Topics;

/**
 * {@code main} of the quality gate: {@code radstream.features.extracted.v1} → stable feature sets and gated
 * case features ({@link QualityGateTopology}) as a {@link StreamsStageService}. Flags and start-up:
 * {@link StageMain}; the gate's own flags are {@link #FLAGS}.
 */
public final class QualityGateMain {

    /** The gate's own flags (besides the common ones). */
    public static final List<StageFlag> FLAGS = List.of(
            new StageFlag("icc.form", "ICC2_1", "ICC form: one of ICC1_1, ICC2_1, ICC3_1 (the study: ICC2_1)."),
            new StageFlag("icc.threshold", "0.75", "A feature is kept when its ICC > this threshold (the study: 0.75)."),
            new StageFlag("min.pairs", Integer.toString(QualityGateSettings.DEFAULT_MIN_PAIRS),
                    "Reader A/B pairs of a sequence needed before its first stable set is published (>= 2)."),
            new StageFlag("release.check.ms", "1000", "How often (ms) cases waiting for a stable set are re-checked."),
            StreamsStageService.stateDirFlag(QualityGateTopology.STAGE));

    public static final StageDefinition DEFINITION = new StageDefinition(QualityGateTopology.STAGE,
            "Pairs reader A/B feature vectors, recomputes the ICC per feature, publishes stable sets and gated case features.",
            FLAGS, (config, settings, metrics, counts) -> {
                QualityGateSettings gate = settings(settings);
                return new StreamsStageService(QualityGateTopology.STAGE, config, settings,
                        List.of(Topics.FEATURES_EXTRACTED, Topics.QUALITY_STABLE_FEATURES, Topics.FEATURES_CASE),
                        metrics, counts, serdes -> QualityGateTopology.buildTopology(gate, serdes, metrics));
            });

    private QualityGateMain() {
    }

    public static void main(String[] args) {
        System.exit(DEFINITION.run(args, System.getenv(), System.out, System.err));
    }

    /**
     * The gate's settings from its flags.
     *
     * @throws org.radstream.streaming.config.ConfigException naming every invalid flag, its source and the reason
     */
    public static QualityGateSettings settings(StageSettings s) {
        OptionReader r = s.reader();
        String form = s.option("icc.form").toUpperCase(Locale.ROOT);
        IccForm iccForm = IccForm.ICC2_1;
        try {
            iccForm = IccForm.valueOf(form);
        } catch (IllegalArgumentException e) {
            r.problem("icc.form", "'" + form + "' is not one of " + Arrays.toString(IccForm.values()));
        }
        double threshold = r.number("icc.threshold");
        if (!(threshold >= -1 && threshold <= 1)) {
            r.problem("icc.threshold", "the ICC threshold must be in [-1, 1]; got " + s.option("icc.threshold"));
        }
        int minPairs = r.integer("min.pairs", 2, Integer.MAX_VALUE);
        var releaseCheck = r.positive("release.check.ms", ChronoUnit.MILLIS);
        r.check();
        return new QualityGateSettings(new ReproducibilityGate.Settings(iccForm, threshold), minPairs, releaseCheck);
    }
}
