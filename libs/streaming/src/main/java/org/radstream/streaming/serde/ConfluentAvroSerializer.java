package org.radstream.streaming.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.radstream.streaming.registry.SchemaNotRegisteredException;
import org.radstream.streaming.registry.SchemaRegistryClient;

/**
 * Kafka {@link Serializer} writing Avro generated ({@link SpecificRecord}) classes in the
 * {@linkplain ConfluentWireFormat Confluent wire format}, with the writer schema registered (or looked up) under
 * the TopicNameStrategy subject {@code <topic>-value} / {@code <topic>-key}.
 *
 * <p>The schema is the record's own ({@code getSchema()}), registered as its compact JSON text
 * ({@code Schema.toString()}). Schema ids are cached per topic and schema, so steady-state serialisation makes no
 * HTTP call. Thread-safe. {@code null} serialises to {@code null} (tombstone).
 *
 * <p>Two ways to build one: {@code new ConfluentAvroSerializer<>(client, RecordPart.VALUE, LOOKUP_ONLY)}; or the
 * no-argument constructor (what Kafka instantiates from {@code value.serializer}) followed by
 * {@link #configure(Map, boolean)} with Confluent's keys (see {@link ConfluentSerdeConfig}). An instance built
 * with a client ignores {@code configure}.
 *
 * @param <T> the generated class
 */
public final class ConfluentAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private record Binding(SchemaRegistryClient client, RecordPart part, SchemaRegistration registration) {
    }

    private final boolean preconfigured;
    private volatile Binding binding;
    private final ConcurrentMap<String, ConcurrentMap<Schema, Integer>> idsByTopic = new ConcurrentHashMap<>();
    private final ConcurrentMap<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

    /** For Kafka's reflective instantiation; call {@link #configure(Map, boolean)} before use. */
    public ConfluentAvroSerializer() {
        this.preconfigured = false;
    }

    public ConfluentAvroSerializer(SchemaRegistryClient client, RecordPart part, SchemaRegistration registration) {
        if (client == null || part == null || registration == null) {
            throw new IllegalArgumentException("client, part and registration are required");
        }
        this.preconfigured = true;
        this.binding = new Binding(client, part, registration);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (preconfigured) {
            return;
        }
        ConfluentSerdeConfig config = ConfluentSerdeConfig.parse(configs, isKey);
        binding = new Binding(new SchemaRegistryClient(config.registry()), RecordPart.of(isKey), config.registration());
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Binding b = binding;
        if (b == null) {
            throw new IllegalStateException("ConfluentAvroSerializer used before configure()");
        }
        Schema schema = data.getSchema();
        int id = schemaId(b, topic, schema);
        DatumWriter<T> writer = writers.computeIfAbsent(schema,
                s -> new SpecificDatumWriter<>(s, SpecificData.getForSchema(s)));
        try {
            return ConfluentWireFormat.write(id, data, writer);
        } catch (RuntimeException e) {
            // e.g. a null in a non-nullable field: Avro throws NullPointerException naming the field
            throw new SerializationException("cannot encode " + schema.getFullName() + " for the " + b.part().name()
                    .toLowerCase(java.util.Locale.ROOT) + " of topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    private int schemaId(Binding b, String topic, Schema schema) {
        ConcurrentMap<Schema, Integer> ids = idsByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        Integer id = ids.get(schema);
        if (id != null) {
            return id;
        }
        String subject = b.part().subject(topic);
        if (b.registration() == SchemaRegistration.AUTO_REGISTER) {
            id = b.client().register(subject, schema.toString());
        } else {
            try {
                id = b.client().lookup(subject, schema.toString()).id();
            } catch (SchemaNotRegisteredException e) {
                throw new SchemaNotRegisteredException(e.url(), subject, "cannot serialize " + schema.getFullName()
                        + " to topic '" + topic + "': its schema is not registered under subject '" + subject
                        + "' and auto.register.schemas is off; register it first (see schemas/README.md). "
                        + e.getMessage(), e);
            }
        }
        ids.putIfAbsent(schema, id);
        return id;
    }
}
