package org.radstream.radiomics.features;

/** Thrown by a feature method when the value is undefined for this ROI; the extractor records NaN and the reason. */
public final class NotComputableException extends RuntimeException {
    public NotComputableException(String reason) {
        super(reason, null, false, false);
    }
}
