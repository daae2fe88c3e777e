package org.radstream.streaming.serde;

import org.radstream.streaming.dlq.ReasonCode;

/**
 * The writer schema named by the record's id cannot be read into the reader class: Avro schema resolution fails
 * (e.g. a different record name, a new field without default), it is not an Avro schema, or no generated class
 * exists for it.
 */
public final class IncompatibleWriterSchemaException extends UnreadableRecordException {
    private final int schemaId;

    public IncompatibleWriterSchemaException(String source, int schemaId, String reason, Throwable cause) {
        super(source, source + ": writer schema id " + schemaId + " cannot be read: " + reason, cause);
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }

    @Override
    public ReasonCode reasonCode() {
        return ReasonCode.SCHEMA_INCOMPATIBLE;
    }
}
