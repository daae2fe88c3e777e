package org.radstream.ingestion;

import java.util.Objects;

import org.radstream.streaming.dlq.ReasonCode;

/**
 * What became of one input (a CSV row, a REST item, a study): an event to emit, or a rejection for the DLQ.
 * Messages name the field and the reason and never carry patient-identifying data.
 */
public sealed interface RecordResult<T> {

    /** Pseudonymous caseId, or null when the input did not yield one. */
    String caseId();

    record Accepted<T>(String caseId, T event) implements RecordResult<T> {
        public Accepted {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(event, "event");
        }
    }

    record Rejected<T>(String caseId, ReasonCode reason, String message) implements RecordResult<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
