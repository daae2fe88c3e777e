package org.radstream.streaming.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaParseException;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.radstream.streaming.registry.RegisteredSchema;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.registry.UnknownSchemaIdException;

/**
 * Kafka {@link Deserializer} reading the {@linkplain ConfluentWireFormat Confluent wire format} into Avro
 * generated ({@link SpecificRecord}) classes: checks length and magic byte, fetches the writer schema by the
 * record's id ({@code GET /schemas/ids/{id}}, cached), and decodes with Avro schema resolution from the writer
 * schema to the reader class's schema, so records written with older (or newer, compatible) schemas read fine.
 *
 * <p>The reader class is the one given to the constructor, else {@code specific.avro.value.type} /
 * {@code specific.avro.key.type}, else the generated class named by each writer schema. Failures are specific:
 * {@link RecordTooShortException}, {@link UnknownMagicByteException}, {@link CorruptPayloadException},
 * {@link IncompatibleWriterSchemaException} (all Kafka {@code SerializationException}s), and
 * {@link UnknownSchemaIdException} or another {@code RegistryException} from the registry. Thread-safe; after
 * the first record of each schema id no HTTP call is made. {@code null} deserialises to {@code null}.
 *
 * @param <T> the generated class
 */
public final class ConfluentAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private record Binding(SchemaRegistryClient client, RecordPart part, Class<? extends SpecificRecord> type) {
    }

    private final boolean preconfigured;
    private final Class<T> fixedType;
    private volatile Binding binding;
    private final ConcurrentMap<Integer, DatumReader<T>> readersById = new ConcurrentHashMap<>();

    /** For Kafka's reflective instantiation; call {@link #configure(Map, boolean)} before use. */
    public ConfluentAvroDeserializer() {
        this(null);
    }

    /** Reads into {@code type}; call {@link #configure(Map, boolean)} before use. */
    public ConfluentAvroDeserializer(Class<T> type) {
        this.preconfigured = false;
        this.fixedType = type;
    }

    /** Ready to use; {@code type} null = the class named by each writer schema. */
    public ConfluentAvroDeserializer(SchemaRegistryClient client, Class<T> type, RecordPart part) {
        if (client == null || part == null) {
            throw new IllegalArgumentException("client and part are required");
        }
        this.preconfigured = true;
        this.fixedType = type;
        this.binding = new Binding(client, part, type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (preconfigured) {
            return;
        }
        ConfluentSerdeConfig config = ConfluentSerdeConfig.parse(configs, isKey);
        binding = new Binding(new SchemaRegistryClient(config.registry()), RecordPart.of(isKey),
                fixedType != null ? fixedType : config.readerType());
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Binding b = binding;
        if (b == null) {
            throw new IllegalStateException("ConfluentAvroDeserializer used before configure()");
        }
        String source = b.part().describe(topic);
        int id = ConfluentWireFormat.schemaId(data, source);
        DatumReader<T> reader = readersById.get(id);
        if (reader == null) {
            reader = readerFor(b, id, source);
            readersById.putIfAbsent(id, reader);
        }
        return ConfluentWireFormat.read(data, reader, source);
    }

    private DatumReader<T> readerFor(Binding b, int id, String source) {
        RegisteredSchema registered;
        try {
            registered = b.client().schemaById(id);
        } catch (UnknownSchemaIdException e) {
            throw new UnknownSchemaIdException(e.url(), id, source + " names schema id " + id + ", which the registry "
                    + "does not know: " + e.getMessage());
        }
        if (!"AVRO".equalsIgnoreCase(registered.schemaType())) {
            throw new IncompatibleWriterSchemaException(source, id, "it is a " + registered.schemaType()
                    + " schema, not Avro", null);
        }
        Schema writer;
        try {
            writer = new Schema.Parser().parse(registered.schema());
        } catch (SchemaParseException e) {
            throw new IncompatibleWriterSchemaException(source, id, "the registry's schema text does not parse as Avro: "
                    + e.getMessage(), e);
        }
        Class<? extends SpecificRecord> type = b.type();
        if (type == null) {
            Class<?> named = SpecificData.get().getClass(writer);
            if (named == null || !SpecificRecord.class.isAssignableFrom(named)) {
                throw new IncompatibleWriterSchemaException(source, id, "no generated class " + writer.getFullName()
                        + " on the classpath; configure specific.avro.value.type/key.type", null);
            }
            type = named.asSubclass(SpecificRecord.class);
        }
        SpecificData model = SpecificData.getForClass(type);
        Schema readerSchema = model.getSchema(type);
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            String why = compatibility.getResult().getIncompatibilities().stream()
                    .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                    .collect(Collectors.joining("; "));
            throw new IncompatibleWriterSchemaException(source, id, "writer " + writer.getFullName()
                    + " cannot be resolved to reader " + readerSchema.getFullName() + ": " + why, null);
        }
        return new SpecificDatumReader<T>(writer, readerSchema, model);
    }
}
