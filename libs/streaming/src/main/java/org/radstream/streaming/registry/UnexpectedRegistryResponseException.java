package org.radstream.streaming.registry;

/** Any other answer: a 4xx this client does not expect, or a body that is not the documented JSON. */
public final class UnexpectedRegistryResponseException extends RegistryException {
    private final int status;

    public UnexpectedRegistryResponseException(String url, int status, String message, Throwable cause) {
        super(url, message, cause);
        this.status = status;
    }

    /** HTTP status of the response. */
    public int status() {
        return status;
    }
}
