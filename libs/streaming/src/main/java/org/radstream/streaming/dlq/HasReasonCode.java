package org.radstream.streaming.dlq;

/**
 * An exception that knows its dead-letter {@link ReasonCode}. Exceptions of other packages (e.g. the Avro
 * serde's unknown-schema-id error) implement this so the DLQ handlers classify them without knowing them.
 */
public interface HasReasonCode {
    ReasonCode reasonCode();
}
