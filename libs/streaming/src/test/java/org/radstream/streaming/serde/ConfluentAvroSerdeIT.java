package org.radstream.streaming.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.Outcome;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.embedded.EmbeddedPlatform;
import org.radstream.streaming.registry.CompatibilityCheck;
import org.radstream.streaming.registry.CompatibilityLevel;
import org.radstream.streaming.registry.IncompatibleSchemaException;
import org.radstream.streaming.registry.InvalidSchemaException;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.RegistryUnreachableException;
import org.radstream.streaming.registry.RetryPolicy;
import org.radstream.streaming.registry.SchemaNotRegisteredException;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.registry.SchemaVersion;
import org.radstream.streaming.registry.UnknownSchemaIdException;
import org.radstream.streaming.registry.UnknownSubjectException;
import org.radstream.streaming.registry.WrongRegistryUrlException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The serde and registry client against the real embedded platform: a KRaft broker and Apicurio Registry 2.4.2
 * ({@code /apis/ccompat/v7}), plus Debian's {@code kcat} as an outside consumer and plain Avro as an outside
 * decoder.
 */
class ConfluentAvroSerdeIT {

    @TempDir
    static Path dataDir;
    static EmbeddedPlatform platform;
    static SchemaRegistryClient client;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startPlatform() {
        platform = EmbeddedPlatform.start(dataDir);
        client = new SchemaRegistryClient(RegistrySettings.of(platform.registryUrl()));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    // --- every event type through broker and registry ---------------------------------------------------

    @Test
    void everyEventTypeRoundTripsWithTheConfluentWireFormat() throws Exception {
        List<SpecificRecord> events = SampleEvents.all();
        assertEquals(11, events.size());
        produce(events, "it.roundtrip.");
        try (KafkaConsumer<String, byte[]> raw = new KafkaConsumer<>(consumerProps(), new StringDeserializer(),
                new ByteArrayDeserializer());
             ConfluentAvroDeserializer<SpecificRecord> byWriterName = new ConfluentAvroDeserializer<>()) {
            byWriterName.configure(Map.of("schema.registry.url", platform.registryUrl()), false);
            for (SpecificRecord event : events) {
                String topic = topicFor("it.roundtrip.", event);
                byte[] bytes = readOne(raw, topic).value();
                String name = event.getSchema().getFullName();

                // 0x00 + 4-byte big-endian id of the subject's schema + Avro binary of the event
                assertEquals(0, bytes[0], name + ": magic byte");
                int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
                SchemaVersion latest = client.latestVersion(topic + "-value");
                assertEquals(latest.id(), id, name + ": schema id in the record is the subject's");
                assertArrayEquals(avroBinary(event), Arrays.copyOfRange(bytes, 5, bytes.length), name + ": Avro payload");

                // GET /schemas/ids/{id} with a plain HTTP client returns the writer schema
                Schema fetched = fetchSchemaById(id);
                assertEquals(event.getSchema(), fetched, name + ": schema by id");

                // our deserializer, class found by the writer schema's name, gives the event back
                assertSameEvent(event, byWriterName.deserialize(topic, bytes));
                // and with the class configured explicitly
                try (ConfluentAvroDeserializer<SpecificRecord> typed = new ConfluentAvroDeserializer<>()) {
                    typed.configure(Map.of("schema.registry.url", platform.registryUrl(),
                            "specific.avro.value.type", event.getClass().getName()), false);
                    assertSameEvent(event, typed.deserialize(topic, bytes));
                }
            }
        }
    }

    @Test
    void kcatReadsRecordsThatPlainAvroDecodesWithTheRegistrysSchema() throws Exception {
        Path kcat = Path.of("/usr/bin/kcat");
        if (!Files.isExecutable(kcat)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("kcat is required in CI (apt-get install kcat)");
            }
            assumeTrue(false, "kcat not installed; skipping the outside-consumer check");
        }
        List<SpecificRecord> events = SampleEvents.all();
        produce(events, "it.kcat.");
        for (SpecificRecord event : events) {
            String topic = topicFor("it.kcat.", event);
            // -f '%R%s': each value as a 4-byte big-endian length followed by the raw bytes (kcat -h)
            Process p = new ProcessBuilder(kcat.toString(), "-b", platform.bootstrapServers(), "-C", "-t", topic,
                    "-o", "beginning", "-e", "-q", "-f", "%R%s").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kcat did not finish");
            assertEquals(0, p.exitValue(), "kcat exit code for " + topic);
            ByteBuffer buf = ByteBuffer.wrap(out);
            List<byte[]> values = new ArrayList<>();
            while (buf.remaining() >= 4) {
                byte[] v = new byte[buf.getInt()];
                buf.get(v);
                values.add(v);
            }
            assertEquals(0, buf.remaining(), "kcat output framing");
            assertEquals(1, values.size(), topic + ": records seen by kcat");
            byte[] value = values.get(0);
            assertEquals(0, value[0], "magic byte");
            Schema writer = fetchSchemaById(ByteBuffer.wrap(value, 1, 4).getInt());
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null);
            GenericRecord decoded = new GenericDatumReader<GenericRecord>(writer).read(null, decoder);
            assertTrue(decoder.isEnd(), "whole payload consumed");
            assertEquals(asGeneric(event), decoded, event.getSchema().getName() + " via kcat");
        }
    }

    // --- compatibility enforced by the registry ---------------------------------------------------------

    @Test
    void registryRejectsAnIncompatibleChangeAndAcceptsACompatibleOne() {
        String subject = "it.compat.clinical-value";
        assertEquals(CompatibilityLevel.BACKWARD, client.setCompatibility(subject, CompatibilityLevel.BACKWARD));
        int v1 = client.register(subject, ClinicalRecord.getClassSchema().toString());
        assertEquals(CompatibilityLevel.BACKWARD, client.compatibility(subject));

        String breaking = withField(ClinicalRecord.getClassSchema(),
                "{\"name\":\"bmi\",\"type\":\"double\",\"doc\":\"Body-mass index, kg/m^2.\"}");
        CompatibilityCheck check = client.testCompatibility(subject, breaking);
        assertFalse(check.compatible(), check.toString());
        IncompatibleSchemaException e = assertThrows(IncompatibleSchemaException.class,
                () -> client.register(subject, breaking));
        assertEquals(subject, e.subject());
        assertTrue(e.getMessage().contains(subject) && e.getMessage().contains("409"), e.getMessage());
        assertEquals(1, client.latestVersion(subject).version(), "rejected schema must not become a version");

        String compatible = withField(ClinicalRecord.getClassSchema(),
                "{\"name\":\"bmi\",\"type\":[\"null\",\"double\"],\"default\":null,\"doc\":\"Body-mass index, kg/m^2.\"}");
        assertTrue(client.testCompatibility(subject, compatible).compatible());
        int v2 = client.register(subject, compatible);
        assertNotEquals(v1, v2);
        assertEquals(2, client.latestVersion(subject).version());
    }

    @Test
    void olderWriterSchemaIsResolvedToTheCurrentClass() {
        // a writer from before tumorLocation existed: the reader fills the default (null)
        Schema current = ClinicalRecord.getClassSchema();
        String older = current.toString().replaceFirst(
                "\\{\"name\":\"tumorLocation\".*?\"default\":null\\},", "");
        assertNotEquals(current.toString(), older, "test setup: field removed");
        Schema writer = new Schema.Parser().parse(older);
        int id = client.register("it.evolution-value", older);
        GenericRecord oldRecord = new GenericData.Record(writer);
        oldRecord.put("caseId", "c-old");
        oldRecord.put("albGPerL", 41.5);
        oldRecord.put("recordedAt", 1_700_000_000_000L);
        byte[] bytes = ConfluentWireFormat.write(id, oldRecord, new GenericDatumWriter<>(writer));
        ClinicalRecord read = new ConfluentAvroDeserializer<>(client, ClinicalRecord.class, RecordPart.VALUE)
                .deserialize("it.evolution", bytes);
        assertEquals("c-old", read.getCaseId());
        assertEquals(41.5, read.getAlbGPerL());
        assertEquals(null, read.getTumorLocation());
    }

    // --- registration modes and caching ----------------------------------------------------------------

    @Test
    void lookupOnlyProducerFailsUntilTheSchemaIsRegisteredThenMakesNoHttpCalls() {
        SchemaRegistryClient counted = new SchemaRegistryClient(RegistrySettings.of(platform.registryUrl()));
        ConfluentAvroSerializer<ClinicalRecord> serializer =
                new ConfluentAvroSerializer<>(counted, RecordPart.VALUE, SchemaRegistration.LOOKUP_ONLY);
        ClinicalRecord record = SampleEvents.clinicalRecord();
        SchemaNotRegisteredException e = assertThrows(SchemaNotRegisteredException.class,
                () -> serializer.serialize("it.lookup", record));
        assertTrue(e.getMessage().contains("it.lookup-value") && e.getMessage().contains("auto.register.schemas"),
                e.getMessage());

        int id = client.register("it.lookup-value", ClinicalRecord.getClassSchema().toString());
        byte[] bytes = serializer.serialize("it.lookup", record);
        assertEquals(id, ByteBuffer.wrap(bytes, 1, 4).getInt());

        ConfluentAvroDeserializer<ClinicalRecord> deserializer =
                new ConfluentAvroDeserializer<>(counted, ClinicalRecord.class, RecordPart.VALUE);
        assertEquals(record, deserializer.deserialize("it.lookup", bytes));
        long requests = counted.requestCount();
        for (int i = 0; i < 1000; i++) {
            assertEquals(record, deserializer.deserialize("it.lookup", serializer.serialize("it.lookup", record)));
        }
        assertEquals(requests, counted.requestCount(), "steady state must not call the registry");
    }

    @Test
    void lookupFindsASchemaRegisteredWithDifferentFormatting() {
        String pretty = Outcome.getClassSchema().toString(true);
        int id = client.register("it.pretty-value", pretty);
        assertEquals(id, client.lookup("it.pretty-value", Outcome.getClassSchema().toString()).id());
    }

    @Test
    void oneSerializerAndDeserializerServeManyThreadsFromCold() throws Exception {
        SchemaRegistryClient fresh = new SchemaRegistryClient(RegistrySettings.of(platform.registryUrl()));
        ConfluentAvroSerializer<SpecificRecord> serializer =
                new ConfluentAvroSerializer<>(fresh, RecordPart.VALUE, SchemaRegistration.AUTO_REGISTER);
        ConfluentAvroDeserializer<SpecificRecord> deserializer =
                new ConfluentAvroDeserializer<>(fresh, null, RecordPart.VALUE);
        List<SpecificRecord> events = SampleEvents.all();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 110; i++) {
                        SpecificRecord event = events.get((i + offset) % events.size());
                        String topic = "it.threads." + event.getSchema().getName();
                        assertSameEvent(event, deserializer.deserialize(topic, serializer.serialize(topic, event)));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long warm = fresh.requestCount();
        for (SpecificRecord event : events) {
            String topic = "it.threads." + event.getSchema().getName();
            deserializer.deserialize(topic, serializer.serialize(topic, event));
        }
        assertEquals(warm, fresh.requestCount(), "after warm-up no registry calls");
    }

    @Test
    void separateClientsRegisteringTheSameNewSubjectAtOnceAllGetTheId() throws Exception {
        // like several service instances starting together (Apicurio may answer 409 to all but the first create)
        for (int round = 0; round < 3; round++) {
            String subject = "it.race." + round + "-value";
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            try {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Integer>> ids = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    SchemaRegistryClient own = new SchemaRegistryClient(RegistrySettings.of(platform.registryUrl()));
                    ids.add(pool.submit(() -> {
                        go.await();
                        return own.register(subject, Outcome.getClassSchema().toString());
                    }));
                }
                go.countDown();
                java.util.Set<Integer> distinct = new java.util.HashSet<>();
                for (java.util.concurrent.Future<Integer> id : ids) {
                    distinct.add(id.get(60, TimeUnit.SECONDS));
                }
                assertEquals(java.util.Set.of(client.latestVersion(subject).id()), distinct, subject);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    // --- bad input: each a specific exception with a clear message ---------------------------------------

    @Test
    void unknownSchemaIdInARecord() {
        byte[] bytes = {0, 0, 0x0f, 0x42, 0x3f, 4, 'c', '1'};
        ConfluentAvroDeserializer<ClinicalRecord> d =
                new ConfluentAvroDeserializer<>(client, ClinicalRecord.class, RecordPart.VALUE);
        UnknownSchemaIdException e = assertThrows(UnknownSchemaIdException.class, () -> d.deserialize("it.bad", bytes));
        assertEquals(999_999, e.schemaId());
        assertEquals(ReasonCode.UNKNOWN_SCHEMA_ID, ReasonCode.of(e, ReasonCode.PROCESSING_ERROR));
        assertTrue(e.getMessage().contains("999999") && e.getMessage().contains("it.bad"), e.getMessage());
        assertThrows(UnknownSchemaIdException.class, () -> client.schemaById(999_999));
    }

    @Test
    void recordsNotInWireFormatAreSpecificDeserializationErrors() throws Exception {
        String topic = "it.notwire";
        createTopic(topic);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "k1", "{\"caseId\":\"c1\"}".getBytes())).get();
            producer.send(new ProducerRecord<>(topic, "k2", new byte[] {0, 0, 1})).get();
        }
        try (KafkaConsumer<String, ClinicalRecord> consumer = new KafkaConsumer<>(consumerProps(),
                new StringDeserializer(), new ConfluentAvroDeserializer<>(client, ClinicalRecord.class, RecordPart.VALUE))) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            RecordDeserializationException first = pollUntilFailure(consumer);
            UnknownMagicByteException magic = assertInstanceOf(UnknownMagicByteException.class, first.getCause());
            // the DLQ classifies through Kafka's wrapper
            assertEquals(ReasonCode.WIRE_FORMAT, ReasonCode.of(first, ReasonCode.DESERIALIZATION));
            assertTrue(magic.getMessage().contains(topic) && magic.getMessage().contains("0x7b"), magic.getMessage());
            consumer.seek(tp, first.offset() + 1);
            RecordDeserializationException second = pollUntilFailure(consumer);
            RecordTooShortException shortRecord = assertInstanceOf(RecordTooShortException.class, second.getCause());
            assertEquals(3, shortRecord.length());
        }
    }

    @Test
    void writerOfAnotherTypeIsAnIncompatibleWriterSchema() {
        byte[] bytes = new ConfluentAvroSerializer<Outcome>(client, RecordPart.VALUE, SchemaRegistration.AUTO_REGISTER)
                .serialize("it.mixed", SampleEvents.outcome());
        IncompatibleWriterSchemaException e = assertThrows(IncompatibleWriterSchemaException.class,
                () -> new ConfluentAvroDeserializer<>(client, ClinicalRecord.class, RecordPart.VALUE)
                        .deserialize("it.mixed", bytes));
        assertTrue(e.getMessage().contains("Outcome") && e.getMessage().contains("ClinicalRecord"), e.getMessage());
        assertEquals(ReasonCode.SCHEMA_INCOMPATIBLE, ReasonCode.of(e, ReasonCode.PROCESSING_ERROR));
    }

    @Test
    void invalidSchemaTextIsRejected() {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
                () -> client.register("it.invalid-value", "{\"type\":\"recrd\",\"name\":\"X\"}"));
        assertTrue(e.getMessage().contains("it.invalid-value") && e.getMessage().contains("422"), e.getMessage());
    }

    @Test
    void unknownSubject() {
        UnknownSubjectException e = assertThrows(UnknownSubjectException.class,
                () -> client.latestVersion("it.never-registered-value"));
        assertTrue(e.getMessage().contains("it.never-registered-value"), e.getMessage());
    }

    @Test
    void wrongRegistryUrlPath() {
        String root = platform.registryUrl().replace("/apis/ccompat/v7", "");
        for (String wrong : List.of(root, platform.registryUrl() + "/not-the-api")) {
            SchemaRegistryClient c = new SchemaRegistryClient(RegistrySettings.of(wrong));
            WrongRegistryUrlException e = assertThrows(WrongRegistryUrlException.class, () -> c.schemaById(1));
            assertTrue(e.getMessage().contains(wrong) && e.getMessage().contains("404"), e.getMessage());
        }
    }

    @Test
    void unreachableRegistryFailsWithinTheRetryBudget() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        SchemaRegistryClient c = new SchemaRegistryClient(RegistrySettings.of(url).withRetry(
                new RetryPolicy(5, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(2))));
        ConfluentAvroSerializer<Outcome> s = new ConfluentAvroSerializer<>(c, RecordPart.VALUE,
                SchemaRegistration.AUTO_REGISTER);
        // no hang: the bound is the retry budget (2 s) plus slack, not a speed claim
        RegistryUnreachableException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(RegistryUnreachableException.class, () -> s.serialize("it.down", SampleEvents.outcome())));
        assertTrue(e.getMessage().contains(url) && e.getMessage().contains("unreachable"), e.getMessage());
        assertTrue(e.attempts() >= 2 && e.attempts() <= 5, "attempts " + e.attempts());
        assertEquals(ReasonCode.REGISTRY_UNAVAILABLE, ReasonCode.of(e, ReasonCode.PROCESSING_ERROR));
        assertTrue(e.getMessage().matches("(?s).*over \\d+\\.\\d s.*"), e.getMessage());
    }

    // --- Kafka Streams: the serde as default.value.serde, configured from the application properties -------

    @Test
    void worksAsTheDefaultValueSerdeOfAStreamsApplication() {
        org.apache.kafka.streams.StreamsBuilder builder = new org.apache.kafka.streams.StreamsBuilder();
        builder.<String, ClinicalRecord>stream("it.streams.clinical")
                .mapValues(c -> Outcome.newBuilder().setCaseId(c.getCaseId()).setEarlyRecurrence(c.getTumorNumber() > 1)
                        .setFollowupMonths(24.0).setRecordedAt(c.getRecordedAt()).build())
                .to("it.streams.outcomes");
        Properties props = new Properties();
        props.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, "it-streams-serde");
        props.put(org.apache.kafka.streams.StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(org.apache.kafka.streams.StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG,
                org.apache.kafka.common.serialization.Serdes.StringSerde.class);
        props.put(org.apache.kafka.streams.StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, ConfluentAvroSerde.class);
        props.put("schema.registry.url", platform.registryUrl());
        try (org.apache.kafka.streams.TopologyTestDriver driver =
                     new org.apache.kafka.streams.TopologyTestDriver(builder.build(), props);
             ConfluentAvroSerde<SpecificRecord> serde = new ConfluentAvroSerde<>()) {
            serde.configure(Map.of("schema.registry.url", platform.registryUrl()), false);
            var in = driver.createInputTopic("it.streams.clinical", new StringSerializer(), serde.serializer());
            var out = driver.createOutputTopic("it.streams.outcomes", new StringDeserializer(), serde.deserializer());
            in.pipeInput(SampleEvents.CASE, SampleEvents.clinicalRecord());
            var result = out.readKeyValue();
            assertEquals(SampleEvents.CASE, result.key);
            Outcome outcome = assertInstanceOf(Outcome.class, result.value);
            assertTrue(outcome.getEarlyRecurrence());
            assertEquals(SampleEvents.clinicalRecord().getRecordedAt(), outcome.getRecordedAt());
        }
        assertTrue(client.subjects().containsAll(List.of("it.streams.clinical-value", "it.streams.outcomes-value")));
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private static void produce(List<SpecificRecord> events, String prefix) throws Exception {
        for (SpecificRecord event : events) {
            createTopic(topicFor(prefix, event));
        }
        Properties p = producerProps();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class.getName());
        p.put("schema.registry.url", platform.registryUrl());
        p.put("auto.register.schemas", "true");
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(p)) {
            for (SpecificRecord event : events) {
                producer.send(new ProducerRecord<>(topicFor(prefix, event), SampleEvents.CASE, event)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String topicFor(String prefix, SpecificRecord event) {
        return prefix + event.getSchema().getName();
    }

    private static void createTopic(String topic) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Properties producerProps() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private static Properties consumerProps() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return p;
    }

    private static ConsumerRecord<String, byte[]> readOne(KafkaConsumer<String, byte[]> consumer, String topic) {
        TopicPartition tp = new TopicPartition(topic, 0);
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                return r;
            }
        }
        throw new AssertionError("no record on " + topic + " within 30 s");
    }

    private static RecordDeserializationException pollUntilFailure(KafkaConsumer<String, ClinicalRecord> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                consumer.poll(Duration.ofMillis(200));
            } catch (RecordDeserializationException e) {
                return e;
            }
        }
        throw new AssertionError("no deserialization failure within 30 s");
    }

    /**
     * Same class and same content. Not {@code equals}: Avro 1.12's generated {@code equals} compares primitive
     * double fields with {@code !=}, so a record holding NaN (an undefined ICC) is never equal to its copy. Both
     * are compared as Avro generic data instead (equality by schema, NaN equal to NaN, maps by content).
     */
    private static void assertSameEvent(SpecificRecord expected, SpecificRecord actual) throws IOException {
        String name = expected.getSchema().getFullName();
        assertEquals(expected.getClass(), actual.getClass(), name);
        assertEquals(asGeneric(expected), asGeneric(actual), name);
    }

    /** GET /schemas/ids/{id} with a plain HTTP client, parsed with plain Avro. */
    private static Schema fetchSchemaById(int id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(platform.registryUrl() + "/schemas/ids/" + id))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        return new Schema.Parser().parse(body.get("schema").asText());
    }

    /** Avro binary of the event, written by Avro's own writer (no wire format). */
    private static byte[] avroBinary(SpecificRecord event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(event.getSchema(), SpecificData.getForSchema(event.getSchema()))
                .write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** The produced event as plain Avro generic data (logical types as their underlying long). */
    private static GenericRecord asGeneric(SpecificRecord event) throws IOException {
        byte[] bin = avroBinary(event);
        return new GenericDatumReader<GenericRecord>(event.getSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bin, null));
    }

    private static String withField(Schema record, String fieldJson) {
        String json = record.toString();
        return json.substring(0, json.lastIndexOf(']')) + "," + fieldJson + "]}";
    }
}
