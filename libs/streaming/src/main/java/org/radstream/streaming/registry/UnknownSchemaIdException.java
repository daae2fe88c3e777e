package org.radstream.streaming.registry;

/** {@code GET /schemas/ids/{id}} answered 404 (error code 40403): no schema has this id in this registry. */
public final class UnknownSchemaIdException extends RegistryException {
    private final int schemaId;

    public UnknownSchemaIdException(String url, int schemaId, String message) {
        super(url, message, null);
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }
}
