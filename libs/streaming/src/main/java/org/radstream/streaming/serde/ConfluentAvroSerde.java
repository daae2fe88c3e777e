package org.radstream.streaming.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.radstream.streaming.registry.SchemaRegistryClient;

/**
 * {@link ConfluentAvroSerializer} and {@link ConfluentAvroDeserializer} as one Kafka {@link Serde}, for Kafka
 * Streams ({@code Consumed.with}, {@code Produced.with}, state stores) or {@code default.value.serde}.
 *
 * <pre>
 * Serde&lt;ClinicalRecord&gt; serde = new ConfluentAvroSerde&lt;&gt;(client, ClinicalRecord.class, RecordPart.VALUE,
 *         SchemaRegistration.LOOKUP_ONLY);
 * </pre>
 *
 * @param <T> the generated class
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final ConfluentAvroSerializer<T> serializer;
    private final ConfluentAvroDeserializer<T> deserializer;

    /** For Kafka's reflective instantiation: the reader class comes from the configuration or the writer schema. */
    public ConfluentAvroSerde() {
        this((Class<T>) null);
    }

    /** Reads into {@code type}; call {@link #configure(Map, boolean)} before use. */
    public ConfluentAvroSerde(Class<T> type) {
        this.serializer = new ConfluentAvroSerializer<>();
        this.deserializer = new ConfluentAvroDeserializer<>(type);
    }

    /** Ready to use; {@code configure} is then ignored. */
    public ConfluentAvroSerde(SchemaRegistryClient client, Class<T> type, RecordPart part, SchemaRegistration registration) {
        this.serializer = new ConfluentAvroSerializer<>(client, part, registration);
        this.deserializer = new ConfluentAvroDeserializer<>(client, type, part);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
