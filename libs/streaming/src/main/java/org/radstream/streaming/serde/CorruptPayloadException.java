package org.radstream.streaming.serde;

import org.radstream.streaming.dlq.ReasonCode;

/** The header is valid but the Avro binary after it does not decode with the writer schema its id names. */
public final class CorruptPayloadException extends UnreadableRecordException {
    private final int schemaId;

    public CorruptPayloadException(String source, int schemaId, String reason, Throwable cause) {
        super(source, source + " (schema id " + schemaId + ") has an Avro payload that does not decode with its writer "
                + "schema: " + reason, cause);
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }

    @Override
    public ReasonCode reasonCode() {
        return ReasonCode.DESERIALIZATION;
    }
}
