package org.radstream.streaming.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.radstream.streaming.topics.TopicSpec;

/**
 * Where a Kafka Streams topology gets its Avro value serdes: {@link RegistryEventSerdes} (Confluent wire
 * format, schema registry) in the services, {@link PlainAvroEventSerdes} in TopologyTestDriver tests.
 */
public interface EventSerdes {
    /** Value serde of a catalogue topic. */
    <T extends SpecificRecord> Serde<T> forTopic(TopicSpec topic);

    /** Value serde of this application's own internal topics (repartition, changelogs). */
    <T extends SpecificRecord> Serde<T> internal(Class<T> type);
}
