package org.radstream.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.radstream.streaming.blob.FileSystemBlobStore;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.stage.OptionReader;
import org.radstream.streaming.stage.StageDefinition;
import org.radstream.streaming.stage.StageFlag;
import org.radstream.streaming.stage.StageMain;
import org.radstream.streaming.stage.StageSettings;

/**
 * {@code main} of the training stage: the common stage flags ({@link StageMain}; {@code --group} is not used, the stage
 * reads every partition without a consumer group) plus its own, below. {@code radstream run training} and the in-JVM
 * demo start it through {@link #DEFINITION}.
 */
public final class TrainingMain {
    public static final String STAGE = TrainingService.STAGE;

    public static final StageFlag MODEL_NAME = new StageFlag("model.name", TrainingSettings.DEFAULT_MODEL,
            "Key of the published model on radstream.models.v1 (inference scores with --model-name, default nomogram).");
    public static final StageFlag MIN_LABELLED_CASES = new StageFlag("min.labelled.cases", "60",
            "Train when at least this many usable labelled cases (features + clinical + outcome) exist, none arrived for "
            + "--quiet-period-s and their data differs from the latest model's.");
    public static final StageFlag QUIET_PERIOD_S = new StageFlag("quiet.period.s", "10",
            "Seconds without a new or changed labelled case before training (a batch of outcomes trains once).");
    public static final StageFlag SEED = new StageFlag("seed", "7",
            "Seed of the 7:3 split, the CV folds and the forests.");
    public static final List<StageFlag> FLAGS = List.of(MODEL_NAME, MIN_LABELLED_CASES, QUIET_PERIOD_S, SEED);

    public static final StageDefinition DEFINITION = new StageDefinition(STAGE,
            "Trains the study's analysis on the labelled cases (features.case + clinical + outcomes) and publishes the model.",
            FLAGS, TrainingMain::service);

    private TrainingMain() {
    }

    public static void main(String[] args) {
        System.exit(DEFINITION.run(args, System.getenv(), System.out, System.err));
    }

    /** The stage's service from its configuration (nothing is started). */
    public static TrainingService service(RadstreamConfig config, StageSettings settings, StageMetrics metrics,
            DeadLetterCounts counts) {
        TrainingSettings ts = settings(settings);
        FileSystemBlobStore blobs;
        try {
            blobs = new FileSystemBlobStore(settings.blobDir());
        } catch (IOException e) {
            throw new UncheckedIOException("training: blob store " + settings.blobDir() + ": " + e.getMessage(), e);
        }
        return new TrainingService(config, ts, blobs,
                settings.registerSchemas() ? SchemaRegistration.AUTO_REGISTER : SchemaRegistration.LOOKUP_ONLY,
                metrics, counts, Clock.systemUTC());
    }

    /**
     * The training settings from the stage's options.
     *
     * @throws org.radstream.streaming.config.ConfigException naming every invalid option and where it came from
     */
    static TrainingSettings settings(StageSettings s) {
        OptionReader r = s.reader();
        String name = r.string(MODEL_NAME.name());
        if (!name.isEmpty() && !name.matches("[A-Za-z0-9_][A-Za-z0-9._-]*")) {
            r.problem(MODEL_NAME.name(), "'" + name + "' must be letters, digits, . _ - (it names a blob folder)");
        }
        int min = r.integer(MIN_LABELLED_CASES.name(), 1, 1_000_000);
        int quiet = r.integer(QUIET_PERIOD_S.name(), 0, 86_400);
        long seed = 0;
        try {
            seed = Long.parseLong(s.option(SEED.name()).trim());
        } catch (NumberFormatException e) {
            r.problem(SEED.name(), "'" + s.option(SEED.name()) + "' is not a whole number");
        }
        r.check();
        return new TrainingSettings(name, min, Duration.ofSeconds(quiet), seed);
    }
}
