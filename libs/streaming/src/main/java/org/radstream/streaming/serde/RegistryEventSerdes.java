package org.radstream.streaming.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.topics.TopicSpec;

/**
 * Confluent-wire-format Avro serdes backed by the schema registry. Catalogue topics use the deployment's
 * registration mode; the app's internal topics (repartition, changelogs) always register their schema,
 * since their subjects belong to this application and are created with it.
 */
public final class RegistryEventSerdes implements EventSerdes {
    private final SchemaRegistryClient client;
    private final SchemaRegistration registration;

    public RegistryEventSerdes(SchemaRegistryClient client, SchemaRegistration registration) {
        this.client = client;
        this.registration = registration;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Serde<T> forTopic(TopicSpec topic) {
        return new ConfluentAvroSerde<>(client, (Class<T>) topic.valueType(), RecordPart.VALUE, registration);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> internal(Class<T> type) {
        return new ConfluentAvroSerde<>(client, type, RecordPart.VALUE, SchemaRegistration.AUTO_REGISTER);
    }
}
