package org.radstream.streaming.dlq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.radstream.events.DeadLetter;
import org.radstream.streaming.topics.Topics;

class DeadLetterWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void buildsKeyedDeadLettersWithCoordinatesAndCountsThem() {
        MockProducer<String, DeadLetter> producer = new MockProducer<>(true, null, new StringSerializer(),
                TestDeadLetterSerde.serializer());
        DeadLetterCounts counts = new DeadLetterCounts();
        DeadLetterWriter w = new DeadLetterWriter(producer,
                new DeadLetterFactory("preprocessing", Clock.fixed(NOW, ZoneOffset.UTC)), counts);

        byte[] raw = "payload".getBytes(StandardCharsets.UTF_8);
        var consumed = new ConsumerRecord<>(Topics.ROIS_PREPROCESSED.name(), 4, 17L, "case-0042", (Object) "x");
        w.send(consumed, raw, ReasonCode.EMPTY_MASK, "mask reader A, sequence AP: no foreground voxel", null);
        w.send("case-7", ReasonCode.CORRUPT_DICOM, null,
                new IllegalStateException("bad preamble", new java.io.EOFException("truncated at byte 128")),
                DeadLetterSource.uri("file:///blobs/s1/img3.dcm"), null);

        assertEquals(2, producer.history().size());
        var first = producer.history().get(0);
        assertEquals(Topics.DLQ.name(), first.topic());
        assertEquals("case-0042", first.key());
        DeadLetter dl = first.value();
        assertEquals("preprocessing", dl.getStage());
        assertEquals("EMPTY_MASK", dl.getReasonCode());
        assertEquals(Topics.ROIS_PREPROCESSED.name(), dl.getSourceTopic());
        assertEquals(4, dl.getSourcePartition());
        assertEquals(17L, dl.getSourceOffset());
        assertNull(dl.getSourceUri());
        assertArrayEquals(raw, dl.getOriginalValue().array());
        assertEquals(NOW, dl.getFailedAt());

        DeadLetter second = producer.history().get(1).value();
        assertEquals("file:///blobs/s1/img3.dcm", second.getSourceUri());
        assertNull(second.getSourceTopic());
        assertEquals("bad preamble: truncated at byte 128", second.getMessage());
        assertEquals(IllegalStateException.class.getName(), second.getExceptionClass());

        assertEquals(1, counts.get("preprocessing", ReasonCode.EMPTY_MASK));
        assertEquals(1, counts.get("preprocessing", ReasonCode.CORRUPT_DICOM));
        assertEquals(2, counts.total());
    }

    @Test
    void failedDlqWriteIsReportedNotSwallowed() {
        MockProducer<String, DeadLetter> producer = new MockProducer<>(false, null, new StringSerializer(),
                TestDeadLetterSerde.serializer());
        DeadLetterWriter w = new DeadLetterWriter(producer, new DeadLetterFactory("ingestion", Clock.systemUTC()),
                new DeadLetterCounts());
        var sent = w.send("c", ReasonCode.MISSING_SEQUENCE, "no DP series", null, DeadLetterSource.uri("file:///s"), null);
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker down"));
        var e = assertThrows(DeadLetterWriter.DeadLetterException.class, () -> DeadLetterWriter.await(sent, 1000));
        assertTrue(e.getMessage().contains("broker down"), e.getMessage());
    }

    @Test
    void reasonFromCauseChainElseFallback() {
        var inner = new RejectedRecordException(ReasonCode.ALB_OUT_OF_RANGE, "ALB 3.1 g/L below 10 g/L");
        assertEquals(ReasonCode.ALB_OUT_OF_RANGE, ReasonCode.of(new RuntimeException("wrapped", inner), ReasonCode.PROCESSING_ERROR));
        assertEquals(ReasonCode.PROCESSING_ERROR, ReasonCode.of(new RuntimeException("x"), ReasonCode.PROCESSING_ERROR));
        assertEquals(ReasonCode.DESERIALIZATION, ReasonCode.of(null, ReasonCode.DESERIALIZATION));
    }

    @Test
    void reasonCodesAreUpperSnakeCaseWithAMeaning() {
        for (ReasonCode r : ReasonCode.values()) {
            assertTrue(r.name().matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*"), r.name());
            assertTrue(r.meaning().endsWith(".") && r.meaning().length() > 15, r + ": " + r.meaning());
        }
        Set<String> required = Set.of("DESERIALIZATION", "WIRE_FORMAT", "UNKNOWN_SCHEMA_ID", "REGISTRY_UNAVAILABLE",
                "CORRUPT_DICOM", "UNSUPPORTED_TRANSFER_SYNTAX", "MISSING_SEQUENCE", "EMPTY_MASK", "MASK_OUTSIDE_IMAGE",
                "GEOMETRY_MISMATCH", "ALB_MISSING", "ALB_OUT_OF_RANGE", "MISSING_OUTCOME", "PROCESSING_ERROR");
        Set<String> names = Arrays.stream(ReasonCode.values()).map(Enum::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(required), names.toString());
    }

    @Test
    void sourceIsKafkaOrUriNeverBothOrNeither() {
        assertThrows(IllegalArgumentException.class, () -> new DeadLetterSource("t", 1, 2L, "file:///x"));
        assertThrows(IllegalArgumentException.class, () -> new DeadLetterSource(null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new DeadLetterSource("t", null, 2L, null));
        assertEquals("t-1@2", DeadLetterSource.kafka("t", 1, 2).toString());
    }
}
