package org.radstream.inference;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.radstream.streaming.topics.TopicSpec;

/**
 * Where the topology gets its Avro value serdes: registry-backed Confluent serdes in production
 * ({@link InferenceService}), a plain Avro serde in topology unit tests.
 */
public interface EventSerdes {
    /** Value serde of a catalogue topic. */
    <T extends SpecificRecord> Serde<T> forTopic(TopicSpec topic);

    /** Value serde of this application's own internal topics (repartition, changelogs). */
    <T extends SpecificRecord> Serde<T> internal(Class<T> type);
}
