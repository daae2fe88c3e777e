package org.radstream.streaming.registry;

/**
 * HTTP 404 without a schema-registry error code (40401/40402/40403): the server answers, but the configured
 * URL is not the base of a Confluent-compatible registry API (for Apicurio it ends in {@code /apis/ccompat/v7}).
 */
public final class WrongRegistryUrlException extends RegistryException {
    public WrongRegistryUrlException(String url, String message) {
        super(url, message, null);
    }
}
