package org.radstream.streaming.registry;

import org.radstream.streaming.dlq.HasReasonCode;
import org.radstream.streaming.dlq.ReasonCode;

/** {@code GET /schemas/ids/{id}} answered 404 (error code 40403): no schema has this id in this registry. */
public final class UnknownSchemaIdException extends RegistryException
        implements HasReasonCode {
    private final int schemaId;

    public UnknownSchemaIdException(String url, int schemaId, String message) {
        super(url, message, null);
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }

    /** {@code UNKNOWN_SCHEMA_ID}, for the dead-letter record. */
    @Override
    public ReasonCode reasonCode() {
        return ReasonCode.UNKNOWN_SCHEMA_ID;
    }
}
