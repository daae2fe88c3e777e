package org.radstream.streaming.registry;

/**
 * A schema-registry call failed. One subclass per cause, so callers (serdes, Streams exception handlers, the
 * DLQ writer) can tell a transient outage ({@link RegistryUnreachableException}) from a permanent fault of the
 * data ({@link UnknownSchemaIdException}) or of the configuration ({@link WrongRegistryUrlException},
 * {@link RegistryUnauthorizedException}). Every message names the request URL and, where it applies, the
 * subject or schema id.
 */
public abstract sealed class RegistryException extends RuntimeException
        permits RegistryUnreachableException, WrongRegistryUrlException, UnknownSchemaIdException,
        UnknownSubjectException, SchemaNotRegisteredException, IncompatibleSchemaException,
        InvalidSchemaException, RegistryUnauthorizedException, UnexpectedRegistryResponseException {

    private final String url;

    RegistryException(String url, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
    }

    /** The request URL (method and full URL, credentials never included) that failed. */
    public String url() {
        return url;
    }
}
