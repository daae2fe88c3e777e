package org.radstream.streaming.registry;

/**
 * HTTP 409: the registry refused to register the schema because it breaks the subject's compatibility level.
 * Confluent answers error code 409; Apicurio answers 409 with error code 0, so only the status is used.
 */
public final class IncompatibleSchemaException extends RegistryException {
    private final String subject;

    public IncompatibleSchemaException(String url, String subject, String message) {
        super(url, message, null);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
