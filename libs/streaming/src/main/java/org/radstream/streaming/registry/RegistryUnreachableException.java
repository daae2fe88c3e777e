package org.radstream.streaming.registry;

import org.radstream.streaming.dlq.HasReasonCode;
import org.radstream.streaming.dlq.ReasonCode;

/**
 * The registry could not be reached, or kept answering 5xx, 408 or 429, until the retry budget of
 * {@link RetryPolicy} was used up (or a TLS handshake failed, which retrying cannot fix). Transient: the
 * caller may stop and retry later; the record itself is not at fault.
 */
public final class RegistryUnreachableException extends RegistryException
        implements HasReasonCode {
    private final int attempts;

    public RegistryUnreachableException(String url, int attempts, String message, Throwable cause) {
        super(url, message, cause);
        this.attempts = attempts;
    }

    /** HTTP attempts made before giving up. */
    public int attempts() {
        return attempts;
    }

    /** {@code REGISTRY_UNAVAILABLE}, for the dead-letter record. */
    @Override
    public ReasonCode reasonCode() {
        return ReasonCode.REGISTRY_UNAVAILABLE;
    }
}
