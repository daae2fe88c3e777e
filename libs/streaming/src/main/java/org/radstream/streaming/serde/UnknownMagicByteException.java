package org.radstream.streaming.serde;

import org.radstream.streaming.dlq.ReasonCode;

/** The first byte is not the Confluent wire format's magic byte 0: the record was not written by an Avro serde. */
public final class UnknownMagicByteException extends UnreadableRecordException {
    private final int magicByte;

    public UnknownMagicByteException(String source, int magicByte) {
        super(source, String.format("%s is not in the Confluent wire format: first byte is 0x%02x, expected magic "
                + "byte 0x00 (was it written by a non-schema-registry serializer?)", source, magicByte & 0xff), null);
        this.magicByte = magicByte & 0xff;
    }

    public int magicByte() {
        return magicByte;
    }

    @Override
    public ReasonCode reasonCode() {
        return ReasonCode.WIRE_FORMAT;
    }
}
