package org.radstream.featureextraction;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.radstream.events.PreprocessedRoi;
import org.radstream.preprocessing.EventConverter;
import org.radstream.streaming.stage.StageOutput;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.runtime.RecordHandler;
import org.radstream.streaming.topics.Topics;

/**
 * One PreprocessedRoi in, one FeatureVector out (keyed by caseId): decode the voxels ({@link EventConverter}),
 * extract ({@link RoiFeatureExtractor}), convert ({@link FeatureVectorConverter}), send and wait for the
 * acknowledgement. A refused ROI throws {@link ExtractionRejected}, which the consumer loop dead-letters.
 */
public final class FeatureExtractionHandler implements RecordHandler<String, PreprocessedRoi> {

    private final RoiFeatureExtractor extractor;
    private final StageOutput output;
    private final StageMetrics metrics;
    private final Clock clock;

    public FeatureExtractionHandler(RoiFeatureExtractor extractor, StageOutput output, StageMetrics metrics, Clock clock) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.output = Objects.requireNonNull(output, "output");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void handle(ConsumerRecord<String, PreprocessedRoi> record) throws Exception {
        metrics.recordsIn(1);
        long t0 = System.nanoTime();
        try {
            PreprocessedRoi roi = record.value();
            if (roi == null) {
                throw new ExtractionRejected(ReasonCode.DESERIALIZATION, "record has no value (tombstone)", null);
            }
            String what = "case " + roi.getCaseId() + " " + roi.getSequence() + " reader " + roi.getReader();
            var features = extractor.extract(EventConverter.image(roi), EventConverter.mask(roi), what);
            var event = FeatureVectorConverter.toEvent(roi, features, extractor.version(), extractor.settingsHash(),
                    clock.instant());
            output.sendAll(List.of(new StageOutput.Event(Topics.FEATURES_EXTRACTED, roi.getCaseId(), event)));
            metrics.recordsOut(1);
        } finally {
            metrics.recordProcessing(Duration.ofNanos(System.nanoTime() - t0));
        }
    }
}
