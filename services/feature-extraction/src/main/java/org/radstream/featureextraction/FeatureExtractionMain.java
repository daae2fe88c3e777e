package org.radstream.featureextraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

import org.radstream.events.PreprocessedRoi;
import org.radstream.streaming.stage.ConsumerStageService;
import org.radstream.streaming.stage.StageDefinition;
import org.radstream.streaming.stage.StageMain;
import org.radstream.streaming.stage.StageSettings;
import org.radstream.radiomics.ParameterSet;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.topics.Topics;

/**
 * {@code main} of the feature-extraction stage: {@code radstream.rois.preprocessed.v1} →
 * {@code radstream.features.extracted.v1} with the paper profile ({@code paper-1316.yaml}, 1316 features).
 * Scales by running more instances with the same {@code --group}: each takes some of the input's partitions.
 * Flags and start-up: {@link StageMain}.
 */
public final class FeatureExtractionMain {

    /** Stage name: client id, default consumer group, DLQ stage, metrics tag. */
    public static final String STAGE = "feature-extraction";

    /** The stage for {@code radstream run} and the demo; it has no flags besides the common ones. */
    public static final StageDefinition DEFINITION = new StageDefinition(STAGE,
            "Extracts the paper profile's 1316 radiomics features from each preprocessed ROI.", List.of(), FeatureExtractionMain::service);

    private FeatureExtractionMain() {
    }

    public static void main(String[] args) {
        System.exit(DEFINITION.run(args, System.getenv(), System.out, System.err));
    }

    /** The stage's service from its configuration. */
    public static ConsumerStageService<PreprocessedRoi> service(RadstreamConfig config, StageSettings settings,
            StageMetrics metrics, DeadLetterCounts counts) {
        RoiFeatureExtractor extractor;
        try {
            extractor = new RoiFeatureExtractor(ParameterSet.paper1316());
        } catch (IOException e) {
            throw new UncheckedIOException("feature-extraction: the paper profile cannot be read: " + e.getMessage(), e);
        }
        return new ConsumerStageService<>(STAGE, config, settings, Topics.ROIS_PREPROCESSED, PreprocessedRoi.class,
                List.of(Topics.FEATURES_EXTRACTED), metrics, counts,
                output -> new FeatureExtractionHandler(extractor, output, metrics, Clock.systemUTC()));
    }
}
