package org.radstream.preprocessing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.radstream.streaming.stage.StageOutput;
import org.radstream.events.StudyReceived;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.runtime.RecordHandler;
import org.radstream.streaming.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One StudyReceived in, one PreprocessedRoi per (sequence, reader) out, keyed by caseId: convert
 * ({@link EventConverter}), preprocess ({@link StudyPreprocessor}), send all and wait for the acknowledgements.
 * A rejected study throws {@link PreprocessingRejected}; the consumer loop dead-letters it with its reason and
 * nothing of it is emitted.
 */
public final class PreprocessingHandler implements RecordHandler<String, StudyReceived> {
    private static final Logger LOG = LoggerFactory.getLogger(PreprocessingHandler.class);

    private final StudyPreprocessor preprocessor;
    private final StageOutput output;
    private final StageMetrics metrics;
    private final Clock clock;

    public PreprocessingHandler(StudyPreprocessor preprocessor, StageOutput output, StageMetrics metrics, Clock clock) {
        this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
        this.output = Objects.requireNonNull(output, "output");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void handle(ConsumerRecord<String, StudyReceived> record) throws Exception {
        metrics.recordsIn(1);
        long t0 = System.nanoTime();
        try {
            StudyReceived study = record.value();
            if (study == null) {
                throw new PreprocessingRejected(ReasonCode.DESERIALIZATION, "record has no value (tombstone)", null);
            }
            if (record.key() != null && !record.key().equals(study.getCaseId())) {
                throw new PreprocessingRejected(ReasonCode.PROCESSING_ERROR, "record key differs from StudyReceived.caseId", null);
            }
            List<RoiOutput> rois = preprocessor.preprocess(EventConverter.toInput(study));
            List<StageOutput.Event> events = rois.stream().map(r -> new StageOutput.Event(Topics.ROIS_PREPROCESSED,
                    r.caseId(), EventConverter.toEvent(r, clock.instant()))).toList();
            output.sendAll(events);
            metrics.recordsOut(events.size());
            LOG.info("case {}: {} preprocessed ROIs", study.getCaseId(), events.size());
        } finally {
            metrics.recordProcessing(Duration.ofNanos(System.nanoTime() - t0));
        }
    }
}
