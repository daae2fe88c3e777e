package org.radstream.streaming.registry;

/** HTTP 422 (error code 42201): the registry could not parse the schema text. */
public final class InvalidSchemaException extends RegistryException {
    private final String subject;

    public InvalidSchemaException(String url, String subject, String message) {
        super(url, message, null);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
