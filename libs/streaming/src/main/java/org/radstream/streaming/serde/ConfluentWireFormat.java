package org.radstream.streaming.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * The Confluent Schema Registry wire format of a Kafka record key or value:
 * <pre>
 * byte 0      magic byte, always 0
 * bytes 1-4   schema id, 32-bit big-endian (network order), as assigned by the registry
 * bytes 5-    the datum in Avro binary encoding (Avro specification, "Binary Encoding"), no container header
 * </pre>
 * (Confluent documentation, "Schema Registry: Wire format".) A {@code null} key or value (tombstone) is not
 * encoded at all and stays {@code null}.
 */
public final class ConfluentWireFormat {

    /** Value of byte 0. */
    public static final byte MAGIC_BYTE = 0;
    /** Magic byte + 4-byte schema id. */
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    /** Header + Avro binary of {@code datum} written by {@code writer}. */
    public static <T> byte[] write(int schemaId, T datum, DatumWriter<T> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to a byte array", e); // ByteArrayOutputStream does not throw
        }
        return out.toByteArray();
    }

    /**
     * The schema id of a wire-format record, after checking length and magic byte.
     *
     * @param source names the record in messages, e.g. {@code value of a record from topic 'x'}
     * @throws RecordTooShortException   if there are fewer than {@value #HEADER_LENGTH} bytes
     * @throws UnknownMagicByteException if byte 0 is not {@value #MAGIC_BYTE}
     */
    public static int schemaId(byte[] record, String source) {
        if (record.length < HEADER_LENGTH) {
            throw new RecordTooShortException(source, record.length);
        }
        if (record[0] != MAGIC_BYTE) {
            throw new UnknownMagicByteException(source, record[0]);
        }
        return ((record[1] & 0xff) << 24) | ((record[2] & 0xff) << 16) | ((record[3] & 0xff) << 8) | (record[4] & 0xff);
    }

    /**
     * Decodes the Avro payload after the header with {@code reader} (which resolves writer to reader schema).
     * Every byte must be consumed: leftover bytes mean the id names a schema other than the one written with.
     *
     * @throws CorruptPayloadException if the payload does not decode or has trailing bytes
     */
    public static <T> T read(byte[] record, DatumReader<T> reader, String source) {
        int schemaId = schemaId(record, source);
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(record, HEADER_LENGTH, record.length - HEADER_LENGTH, null);
        T datum;
        try {
            datum = reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            // untrusted bytes: EOF, bad varint, negative length, unknown union branch all surface here
            throw new CorruptPayloadException(source, schemaId, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        try {
            if (!decoder.isEnd()) {
                int left = decoder.inputStream().available();
                throw new CorruptPayloadException(source, schemaId, left + " trailing byte(s) after the datum", null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory decoder
        }
        return datum;
    }
}
