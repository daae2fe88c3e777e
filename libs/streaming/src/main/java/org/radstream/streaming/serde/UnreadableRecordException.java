package org.radstream.streaming.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.radstream.streaming.dlq.HasReasonCode;

/**
 * A record's bytes cannot be turned into the reader class. Extends Kafka's {@link SerializationException}, so
 * consumers see it inside a {@code RecordDeserializationException} and Kafka Streams hands it to the
 * deserialization exception handler; the subclass says why (and as the DLQ {@link #reasonCode()}). All of these are faults
 * of the record, not transient: retrying will not help.
 */
public abstract sealed class UnreadableRecordException extends SerializationException implements HasReasonCode
        permits UnknownMagicByteException, RecordTooShortException, CorruptPayloadException,
        IncompatibleWriterSchemaException {

    private final String source;

    UnreadableRecordException(String source, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
    }

    /** Where the bytes came from, e.g. {@code value of a record from topic 'radstream.clinical.v1'}. */
    public String source() {
        return source;
    }
}
