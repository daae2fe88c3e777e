package org.radstream.ingestion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.topics.TopicSpec;

/** An {@link IngestionSink} that keeps what it is given. */
final class RecordingSink implements IngestionSink {

    record Emitted(TopicSpec topic, String caseId, SpecificRecord event) {
    }

    record Dead(String caseId, ReasonCode reason, String message, String sourceUri) {
    }

    final List<Emitted> emitted = Collections.synchronizedList(new ArrayList<>());
    final List<Dead> dead = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void emit(TopicSpec topic, String caseId, SpecificRecord event) {
        emitted.add(new Emitted(topic, caseId, event));
    }

    @Override
    public void deadLetter(String caseId, ReasonCode reason, String message, String sourceUri) {
        dead.add(new Dead(caseId, reason, message, sourceUri));
    }
}
