package org.radstream.preprocessing;

import java.util.Objects;

import org.radstream.streaming.dlq.HasReasonCode;
import org.radstream.streaming.dlq.ReasonCode;

/**
 * A study (or one ROI event) this stage refuses, with the dead-letter reason; the message names the file or
 * field and why, never patient data.
 */
public final class PreprocessingRejected extends Exception implements HasReasonCode {
    private static final long serialVersionUID = 1L;

    private final ReasonCode reasonCode;

    public PreprocessingRejected(ReasonCode reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
    }

    @Override
    public ReasonCode reasonCode() {
        return reasonCode;
    }
}
