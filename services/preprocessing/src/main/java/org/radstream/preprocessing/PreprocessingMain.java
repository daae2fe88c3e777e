package org.radstream.preprocessing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

import org.radstream.streaming.stage.ConsumerStageService;
import org.radstream.streaming.stage.StageSettings;
import org.radstream.streaming.stage.StageDefinition;
import org.radstream.streaming.stage.StageMain;
import org.radstream.events.StudyReceived;
import org.radstream.imaging.preprocess.PreprocessingSettings;
import org.radstream.imaging.preprocess.RoiPreprocessor;
import org.radstream.streaming.blob.FileSystemBlobStore;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.topics.Topics;

/**
 * {@code main} of the preprocessing stage: {@code radstream.studies.received.v1} →
 * {@code radstream.rois.preprocessed.v1}, with the study's settings ({@link PreprocessingSettings#STUDY}).
 * Flags and start-up: {@link StageMain}.
 */
public final class PreprocessingMain {

    /** Stage name: client id, default consumer group, DLQ stage, metrics tag. */
    public static final String STAGE = "preprocessing";

    /** The stage for {@code radstream run} and the demo; it has no flags besides the common ones. */
    public static final StageDefinition DEFINITION = new StageDefinition(STAGE,
            "Carries each reader's ROI onto every sequence of a received study and applies the study's preprocessing (z-score, 1 mm resampling, crop).", List.of(), PreprocessingMain::service);

    private PreprocessingMain() {
    }

    public static void main(String[] args) {
        System.exit(DEFINITION.run(args, System.getenv(), System.out, System.err));
    }

    /** The stage's service from its configuration. */
    public static ConsumerStageService<StudyReceived> service(RadstreamConfig config, StageSettings settings,
            StageMetrics metrics, DeadLetterCounts counts) {
        StudyPreprocessor preprocessor;
        try {
            preprocessor = new StudyPreprocessor(new RoiPreprocessor(PreprocessingSettings.STUDY),
                    new FileSystemBlobStore(settings.blobDir()));
        } catch (IOException e) {
            throw new UncheckedIOException("preprocessing: blob store " + settings.blobDir() + ": " + e.getMessage(), e);
        }
        return new ConsumerStageService<>(STAGE, config, settings, Topics.STUDIES_RECEIVED, StudyReceived.class,
                List.of(Topics.ROIS_PREPROCESSED), metrics, counts,
                output -> new PreprocessingHandler(preprocessor, output, metrics, Clock.systemUTC()));
    }

}
