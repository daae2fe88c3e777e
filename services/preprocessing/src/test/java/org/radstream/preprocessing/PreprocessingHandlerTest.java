package org.radstream.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.streaming.stage.StageOutput;
import org.radstream.events.PreprocessedRoi;
import org.radstream.events.Sequence;
import org.radstream.events.StudyReceived;
import org.radstream.imaging.preprocess.PreprocessingSettings;
import org.radstream.imaging.preprocess.RoiPreprocessor;
import org.radstream.streaming.blob.FileSystemBlobStore;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.topics.Topics;

/** The handler with a mock producer: all outputs of a study sent keyed by caseId, none of a rejected study. */
class PreprocessingHandlerTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void cohort() throws Exception {
        CohortStudies.generate(dir, 2);
    }

    @Test
    void emitsOneRoiPerSequenceAndReaderKeyedByCaseId() throws Exception {
        MockProducer<String, SpecificRecord> producer = producer();
        try (StageMetrics metrics = new StageMetrics("preprocessing", new DeadLetterCounts())) {
            PreprocessingHandler h = handler(producer, metrics);
            StudyReceived study = CohortStudies.study(CohortStudies.patients(dir).get(0));
            h.handle(new ConsumerRecord<>(Topics.STUDIES_RECEIVED.name(), 0, 0, study.getCaseId(), study));
            long readers = study.getRois().stream().map(r -> r.getReader()).distinct().count();
            assertEquals(5 * readers, producer.history().size());
            for (var r : producer.history()) {
                assertEquals(Topics.ROIS_PREPROCESSED.name(), r.topic());
                assertEquals(study.getCaseId(), r.key());
                PreprocessedRoi e = (PreprocessedRoi) r.value();
                assertEquals(Instant.ofEpochSecond(1000), e.getCreatedAt());
                assertEquals(PreprocessingSettings.STUDY.hash(), e.getSettingsHash());
            }
            assertTrue(metrics.scrape().contains("radstream_stage_records_out_total{stage=\"preprocessing\"} " + 5 * readers));
        }
    }

    @Test
    void aRejectedStudyEmitsNothing() throws Exception {
        MockProducer<String, SpecificRecord> producer = producer();
        try (StageMetrics metrics = new StageMetrics("preprocessing", new DeadLetterCounts())) {
            StudyReceived study = CohortStudies.study(CohortStudies.patients(dir).get(0));
            study.setSeries(study.getSeries().stream().filter(s -> s.getSequence() != Sequence.DP).toList());
            PreprocessingRejected e = assertThrows(PreprocessingRejected.class, () -> handler(producer, metrics)
                    .handle(new ConsumerRecord<>(Topics.STUDIES_RECEIVED.name(), 0, 0, study.getCaseId(), study)));
            assertEquals(ReasonCode.MISSING_SEQUENCE, ReasonCode.of(e, ReasonCode.PROCESSING_ERROR));
            assertEquals(List.of(), producer.history());
        }
    }

    private static MockProducer<String, SpecificRecord> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
    }

    private static PreprocessingHandler handler(MockProducer<String, SpecificRecord> producer, StageMetrics metrics)
            throws Exception {
        return new PreprocessingHandler(new StudyPreprocessor(new RoiPreprocessor(PreprocessingSettings.STUDY),
                new FileSystemBlobStore(dir)), new StageOutput(producer, 5000), metrics,
                Clock.fixed(Instant.ofEpochSecond(1000), ZoneOffset.UTC));
    }
}
