package org.radstream.streaming.registry;

/**
 * A lookup ({@code POST /subjects/{subject}}) found no version of the subject with this schema (40403, or 40401
 * when the subject does not exist; Apicurio answers 40401 in both cases). Producers that do not auto-register
 * fail with this until the schema is registered.
 */
public final class SchemaNotRegisteredException extends RegistryException {
    private final String subject;

    public SchemaNotRegisteredException(String url, String subject, String message, Throwable cause) {
        super(url, message, cause);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
