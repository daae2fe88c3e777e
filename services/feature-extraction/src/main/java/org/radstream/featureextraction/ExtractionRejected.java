package org.radstream.featureextraction;

import java.util.Objects;

import org.radstream.streaming.dlq.HasReasonCode;
import org.radstream.streaming.dlq.ReasonCode;

/** A ROI the radiomics library refused, with the dead-letter reason; the message names the field and why. */
public final class ExtractionRejected extends Exception implements HasReasonCode {
    private static final long serialVersionUID = 1L;

    private final ReasonCode reasonCode;

    public ExtractionRejected(ReasonCode reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
    }

    @Override
    public ReasonCode reasonCode() {
        return reasonCode;
    }
}
