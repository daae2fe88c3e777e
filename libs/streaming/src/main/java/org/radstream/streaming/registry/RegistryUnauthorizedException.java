package org.radstream.streaming.registry;

/** HTTP 401 or 403: credentials missing, wrong, or without permission for this call. */
public final class RegistryUnauthorizedException extends RegistryException {
    private final int status;

    public RegistryUnauthorizedException(String url, int status, String message) {
        super(url, message, null);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
