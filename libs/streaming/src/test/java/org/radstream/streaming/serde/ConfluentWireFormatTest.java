package org.radstream.streaming.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.radstream.events.Outcome;
import org.radstream.streaming.dlq.ReasonCode;

/**
 * Byte-exact checks of the Confluent wire format against its specification: magic byte 0, schema id as a
 * 4-byte big-endian int, then Avro binary (Avro 1.12 specification, "Binary Encoding": strings as zig-zag
 * varint length + UTF-8, boolean one byte, double 8 bytes little-endian IEEE 754, long zig-zag varint).
 */
class ConfluentWireFormatTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    static Outcome outcome() {
        return Outcome.newBuilder().setCaseId("c1").setEarlyRecurrence(true).setFollowupMonths(24.0)
                .setRecordedAt(Instant.ofEpochMilli(1_700_000_000_000L)).build();
    }

    @Test
    void headerIsMagicByteAndBigEndianId() {
        SpecificDatumWriter<Outcome> writer = new SpecificDatumWriter<>(Outcome.class);
        assertEquals("00 00 00 00 01", HEX.formatHex(Arrays.copyOf(ConfluentWireFormat.write(1, outcome(), writer), 5)));
        assertEquals("00 00 00 01 00", HEX.formatHex(Arrays.copyOf(ConfluentWireFormat.write(256, outcome(), writer), 5)));
        assertEquals("00 01 02 03 04",
                HEX.formatHex(Arrays.copyOf(ConfluentWireFormat.write(0x01020304, outcome(), writer), 5)));
        assertEquals("00 7f ff ff ff",
                HEX.formatHex(Arrays.copyOf(ConfluentWireFormat.write(Integer.MAX_VALUE, outcome(), writer), 5)));
    }

    @Test
    void wholeRecordIsExactlyTheSpecifiedBytes() {
        // Expected payload worked out by hand from the Avro spec (checked with Python's struct module):
        //   caseId "c1"           -> zigzag(2)=4 -> 04, then 63 31
        //   earlyRecurrence true  -> 01
        //   followupMonths 24.0   -> struct.pack('<d', 24.0) = 00 00 00 00 00 00 38 40
        //   recordedAt 1.7e12 ms  -> zigzag = 3.4e12, varint = 80 a0 ab fe f9 62
        byte[] bytes = ConfluentWireFormat.write(42, outcome(), new SpecificDatumWriter<>(Outcome.class));
        assertEquals("00 00 00 00 2a 04 63 31 01 00 00 00 00 00 00 38 40 80 a0 ab fe f9 62", HEX.formatHex(bytes));
    }

    @Test
    void readsBackWhatItWrote() {
        byte[] bytes = ConfluentWireFormat.write(7, outcome(), new SpecificDatumWriter<>(Outcome.class));
        assertEquals(7, ConfluentWireFormat.schemaId(bytes, "test"));
        assertEquals(outcome(), ConfluentWireFormat.read(bytes, new SpecificDatumReader<>(Outcome.class), "test"));
    }

    @Test
    void tooShortIsASpecificSerializationException() {
        for (int n = 0; n < 5; n++) {
            byte[] data = new byte[n];
            RecordTooShortException e = assertThrows(RecordTooShortException.class,
                    () -> ConfluentWireFormat.schemaId(data, "value of a record from topic 't'"));
            assertInstanceOf(SerializationException.class, e);
            assertEquals(n, e.length());
            assertEquals(ReasonCode.WIRE_FORMAT, ReasonCode.of(e, ReasonCode.PROCESSING_ERROR));
            assertTrue(e.getMessage().contains("topic 't'") && e.getMessage().contains(n + " byte"), e.getMessage());
        }
    }

    @Test
    void wrongMagicByteIsASpecificSerializationException() {
        byte[] json = "{\"caseId\":\"c1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UnknownMagicByteException e = assertThrows(UnknownMagicByteException.class,
                () -> ConfluentWireFormat.schemaId(json, "value of a record from topic 't'"));
        assertInstanceOf(SerializationException.class, e);
        assertEquals(0x7b, e.magicByte());
        assertEquals(ReasonCode.WIRE_FORMAT, ReasonCode.of(e, ReasonCode.PROCESSING_ERROR));
        assertTrue(e.getMessage().contains("0x7b") && e.getMessage().contains("topic 't'"), e.getMessage());
        byte[] highBit = {(byte) 0xff, 0, 0, 0, 1, 2};
        assertEquals(0xff, assertThrows(UnknownMagicByteException.class,
                () -> ConfluentWireFormat.schemaId(highBit, "x")).magicByte());
    }

    @Test
    void truncatedOrPaddedPayloadIsCorrupt() {
        byte[] bytes = ConfluentWireFormat.write(9, outcome(), new SpecificDatumWriter<>(Outcome.class));
        SpecificDatumReader<Outcome> reader = new SpecificDatumReader<>(Outcome.class);
        CorruptPayloadException truncated = assertThrows(CorruptPayloadException.class,
                () -> ConfluentWireFormat.read(Arrays.copyOf(bytes, bytes.length - 3), reader, "value of t"));
        assertEquals(9, truncated.schemaId());
        assertEquals(ReasonCode.DESERIALIZATION, ReasonCode.of(truncated, ReasonCode.PROCESSING_ERROR));
        CorruptPayloadException padded = assertThrows(CorruptPayloadException.class,
                () -> ConfluentWireFormat.read(Arrays.copyOf(bytes, bytes.length + 2), reader, "value of t"));
        assertTrue(padded.getMessage().contains("2 trailing byte(s)"), padded.getMessage());
    }

    @Test
    void subjectsFollowTopicNameStrategy() {
        assertEquals("radstream.clinical.v1-value", RecordPart.VALUE.subject("radstream.clinical.v1"));
        assertEquals("radstream.clinical.v1-key", RecordPart.KEY.subject("radstream.clinical.v1"));
        assertEquals(RecordPart.KEY, RecordPart.of(true));
        assertArrayEquals(new RecordPart[] {RecordPart.KEY, RecordPart.VALUE}, RecordPart.values());
    }
}
