package org.radstream.streaming.dlq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.radstream.events.DeadLetter;

/**
 * Avro single-object encoding of DeadLetter, standing in for the registry-backed serde in tests that do not
 * start a registry: the DLQ code takes any {@code Serializer<DeadLetter>}.
 */
public final class TestDeadLetterSerde {
    private TestDeadLetterSerde() {
    }

    public static Serializer<DeadLetter> serializer() {
        return (topic, dl) -> {
            try {
                ByteBuffer b = dl.toByteBuffer();
                byte[] out = new byte[b.remaining()];
                b.get(out);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    public static Deserializer<DeadLetter> deserializer() {
        return (topic, bytes) -> {
            try {
                return DeadLetter.fromByteBuffer(ByteBuffer.wrap(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
