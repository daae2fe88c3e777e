package org.radstream.streaming.dlq;

import java.util.Objects;

/**
 * Thrown by a stage for input it cannot process for a known reason (an empty mask, albumin out of range):
 * the record goes to the DLQ with this reason code and message. The message must name the field and the
 * reason, and must never contain patient-identifying data.
 */
public class RejectedRecordException extends RuntimeException implements HasReasonCode {
    private static final long serialVersionUID = 1L;
    private final ReasonCode reasonCode;

    public RejectedRecordException(ReasonCode reasonCode, String message) {
        this(reasonCode, message, null);
    }

    public RejectedRecordException(ReasonCode reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
    }

    @Override
    public ReasonCode reasonCode() {
        return reasonCode;
    }
}
