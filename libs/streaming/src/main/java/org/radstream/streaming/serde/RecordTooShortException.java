package org.radstream.streaming.serde;

import org.radstream.streaming.dlq.ReasonCode;

/** Fewer bytes than the 5-byte header (magic byte + schema id) of the Confluent wire format. */
public final class RecordTooShortException extends UnreadableRecordException {
    private final int length;

    public RecordTooShortException(String source, int length) {
        super(source, source + " is too short for the Confluent wire format: " + length + " byte(s), the header alone "
                + "is " + ConfluentWireFormat.HEADER_LENGTH + " (magic byte 0 + 4-byte schema id)", null);
        this.length = length;
    }

    public int length() {
        return length;
    }

    @Override
    public ReasonCode reasonCode() {
        return ReasonCode.WIRE_FORMAT;
    }
}
