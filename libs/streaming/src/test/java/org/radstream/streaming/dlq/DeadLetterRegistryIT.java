package org.radstream.streaming.dlq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.DeadLetter;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.embedded.EmbeddedPlatform;
import org.radstream.streaming.serde.ConfluentAvroSerde;
import org.radstream.streaming.topics.Topics;

/**
 * The DLQ handler wired to the real Confluent-format Avro serde and the real registry: records that are not
 * in the wire format, or that name a schema id the registry does not know, land in the DLQ with the serde's
 * reason codes, and the dead letters themselves are Confluent-format Avro.
 */
class DeadLetterRegistryIT {

    @Test
    void wireFormatAndUnknownSchemaIdFailuresReachTheDlqWithTheirReasons(@TempDir Path dir) throws Exception {
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(dir)) {
            RadstreamConfig config = RadstreamConfig.local(platform.bootstrapServers(), platform.registryUrl());
            String in = Topics.CLINICAL.name();
            try (Admin admin = Admin.create(config.toKafkaProperties())) {
                admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(Topics.DLQ.name(), 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            byte[] notWireFormat = {1, 2, 3, 4, 5, 6};
            byte[] unknownId = {0, 0x7f, 0x00, 0x00, 0x01, 2, 4, 6};
            Map<String, RecordMetadata> sent = new HashMap<>();
            try (var p = new KafkaProducer<>(config.toKafkaProperties(), new StringSerializer(), new ByteArraySerializer())) {
                sent.put("case-magic", p.send(new ProducerRecord<>(in, "case-magic", notWireFormat)).get());
                sent.put("case-id", p.send(new ProducerRecord<>(in, "case-id", unknownId)).get());
            }

            Map<String, Object> serdeConfig = new HashMap<>(config.registryClientConfig());
            serdeConfig.put("auto.register.schemas", "true"); // test registry starts empty
            ConfluentAvroSerde<DeadLetter> dlqSerde = new ConfluentAvroSerde<>(DeadLetter.class);
            dlqSerde.configure(serdeConfig, false);
            ConfluentAvroSerde<ClinicalRecord> clinicalSerde = new ConfluentAvroSerde<>(ClinicalRecord.class);
            clinicalSerde.configure(serdeConfig, false);

            DeadLetterCounts counts = new DeadLetterCounts();
            Properties sp = config.toKafkaProperties();
            sp.put(StreamsConfig.APPLICATION_ID_CONFIG, "it-dlq-registry");
            sp.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
            sp.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
            DeadLetterExceptionHandler.configure(sp, "quality-gate", dlqSerde.serializer(), counts);
            StreamsBuilder b = new StreamsBuilder();
            b.stream(in, Consumed.with(Serdes.String(), clinicalSerde)).foreach((k, v) -> { });

            Map<String, DeadLetter> byCase = new HashMap<>();
            List<byte[]> rawLetters = new ArrayList<>();
            try (KafkaStreams app = new KafkaStreams(b.build(), sp)) {
                app.start();
                Properties cp = config.toKafkaProperties();
                cp.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-registry-reader");
                cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                try (var c = new KafkaConsumer<>(cp, new StringDeserializer(), new ByteArrayDeserializer())) {
                    c.subscribe(List.of(Topics.DLQ.name()));
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                    while (byCase.size() < 2 && System.nanoTime() < deadline) {
                        for (var r : c.poll(Duration.ofMillis(200))) {
                            rawLetters.add(r.value());
                            byCase.put(r.key(), dlqSerde.deserializer().deserialize(r.topic(), r.value()));
                        }
                    }
                }
                assertEquals(KafkaStreams.State.RUNNING, app.state());
            }
            assertEquals(2, byCase.size(), byCase.toString());
            for (byte[] raw : rawLetters) {
                assertEquals(0, raw[0], "dead letters are in the Confluent wire format");
            }
            DeadLetter magic = byCase.get("case-magic");
            assertEquals("WIRE_FORMAT", magic.getReasonCode());
            assertEquals("quality-gate", magic.getStage());
            assertEquals(in, magic.getSourceTopic());
            assertEquals(sent.get("case-magic").offset(), magic.getSourceOffset());
            assertArrayEquals(notWireFormat, bytes(magic.getOriginalValue()));
            DeadLetter id = byCase.get("case-id");
            assertEquals("UNKNOWN_SCHEMA_ID", id.getReasonCode());
            assertEquals(sent.get("case-id").offset(), id.getSourceOffset());
            assertEquals(1, counts.get("quality-gate", ReasonCode.WIRE_FORMAT));
            assertEquals(1, counts.get("quality-gate", ReasonCode.UNKNOWN_SCHEMA_ID));
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
