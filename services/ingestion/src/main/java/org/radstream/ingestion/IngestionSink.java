package org.radstream.ingestion;

import org.apache.avro.specific.SpecificRecord;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.topics.TopicSpec;

/**
 * Where ingestion's output goes. Both methods return only when the record is acknowledged (so a folder import
 * that returned has delivered everything) and throw when it cannot be delivered: an unreachable cluster stops
 * the import instead of dead-lettering every case.
 */
public interface IngestionSink {

    /** Emits an event keyed by caseId to a topic of the catalogue. */
    void emit(TopicSpec topic, String caseId, SpecificRecord event);

    /**
     * Writes a dead letter for input that is not a Kafka record.
     *
     * @param caseId    pseudonymous caseId, or null when the input yielded none
     * @param message   names the file/field and the reason, no patient data
     * @param sourceUri where the failed input is (a blob URI, a file URI with a line, a URN)
     */
    void deadLetter(String caseId, ReasonCode reason, String message, String sourceUri);
}
