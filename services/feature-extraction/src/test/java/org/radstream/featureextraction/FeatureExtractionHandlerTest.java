package org.radstream.featureextraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.radstream.events.FeatureVector;
import org.radstream.events.PreprocessedRoi;
import org.radstream.imaging.sequence.MrSequence;
import org.radstream.preprocessing.EventConverter;
import org.radstream.preprocessing.RoiOutput;
import org.radstream.streaming.stage.StageOutput;
import org.radstream.radiomics.ParameterSet;
import org.radstream.radiomics.RadiomicsExtractor;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.topics.Topics;

/** The handler with a mock producer: one FeatureVector per ROI event, nothing for an inconsistent event. */
class FeatureExtractionHandlerTest {

    static PreprocessedRoi event() {
        return EventConverter.toEvent(new RoiOutput("c7", MrSequence.AP, "A", "s", URI.create("file:///m"),
                new org.radstream.imaging.preprocess.PreprocessedRoi(RoiFeatureExtractorTest.noise(),
                        RoiFeatureExtractorTest.ball(), List.of(), "x", "h"), 6), Instant.EPOCH);
    }

    @Test
    void oneVectorPerRoiKeyedByCaseIdWithTheLibrarysValues() throws Exception {
        MockProducer<String, SpecificRecord> producer = producer();
        try (StageMetrics metrics = new StageMetrics("feature-extraction", new DeadLetterCounts())) {
            handler(producer, metrics).handle(new ConsumerRecord<>(Topics.ROIS_PREPROCESSED.name(), 0, 0, "c7", event()));
        }
        assertEquals(1, producer.history().size());
        var r = producer.history().get(0);
        assertEquals(Topics.FEATURES_EXTRACTED.name(), r.topic());
        assertEquals("c7", r.key());
        FeatureVector v = (FeatureVector) r.value();
        var expected = new RadiomicsExtractor(ParameterSet.paper1316())
                .extract(RoiFeatureExtractorTest.noise(), RoiFeatureExtractorTest.ball());
        assertEquals(List.copyOf(expected.features().keySet()), v.getFeatures().getNames());
        assertEquals(List.copyOf(expected.features().values()), v.getFeatures().getValues());
        assertEquals(Instant.ofEpochSecond(5), v.getExtractedAt());
    }

    @Test
    void anInconsistentEventIsRefusedAndNothingSent() throws Exception {
        MockProducer<String, SpecificRecord> producer = producer();
        PreprocessedRoi e = event();
        e.setMask(ByteBuffer.wrap(new byte[10]));
        try (StageMetrics metrics = new StageMetrics("feature-extraction", new DeadLetterCounts())) {
            Exception x = assertThrows(Exception.class, () -> handler(producer, metrics)
                    .handle(new ConsumerRecord<>(Topics.ROIS_PREPROCESSED.name(), 0, 0, "c7", e)));
            assertEquals(ReasonCode.GEOMETRY_MISMATCH, ReasonCode.of(x, ReasonCode.PROCESSING_ERROR));
        }
        assertEquals(List.of(), producer.history());
    }

    private static MockProducer<String, SpecificRecord> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
    }

    private static FeatureExtractionHandler handler(MockProducer<String, SpecificRecord> p, StageMetrics m) throws Exception {
        return new FeatureExtractionHandler(new RoiFeatureExtractor(ParameterSet.paper1316()), new StageOutput(p, 5000), m,
                Clock.fixed(Instant.ofEpochSecond(5), ZoneOffset.UTC));
    }
}
