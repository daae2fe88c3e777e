package org.radstream.streaming.dlq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.DeadLetter;
import org.radstream.streaming.embedded.EmbeddedKafkaBroker;
import org.radstream.streaming.topics.Topics;

/**
 * A Kafka Streams app (exactly-once) with the DLQ handler: a record that cannot be decoded, a record the
 * processor rejects and a record whose output cannot be encoded all land in the DLQ with reason code and
 * source coordinates; the good records around them are processed.
 */
class DeadLetterExceptionHandlerIT {

    private static final String OUT = "it.dlq.out";

    @Test
    void garbageAndRejectedRecordsEndInTheDlqAndTheAppGoesOn(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
            String bootstrap = broker.bootstrapServers();
            String in = Topics.CLINICAL.name();
            Properties ap = new Properties();
            ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin admin = Admin.create(ap)) {
                admin.createTopics(List.of(new NewTopic(in, 2, (short) 1), new NewTopic(OUT, 1, (short) 1),
                        new NewTopic(Topics.DLQ.name(), 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }

            // input: ALB in g/L as a 4-byte int; "c2" is not an int at all; "c3" is implausible
            byte[] garbage = "xyz".getBytes(StandardCharsets.UTF_8);
            Map<String, RecordMetadata> sent = new HashMap<>();
            Properties pp = new Properties();
            pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (var producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer())) {
                sent.put("c1", producer.send(new ProducerRecord<>(in, "c1", intBytes(41))).get());
                sent.put("c2", producer.send(new ProducerRecord<>(in, "c2", garbage)).get());
                sent.put("c3", producer.send(new ProducerRecord<>(in, "c3", intBytes(-5))).get());
                sent.put("c4", producer.send(new ProducerRecord<>(in, "c4", intBytes(38))).get());
                sent.put("c5", producer.send(new ProducerRecord<>(in, "c5", intBytes(13))).get());
            }

            DeadLetterCounts counts = new DeadLetterCounts();
            Properties sp = new Properties();
            sp.put(StreamsConfig.APPLICATION_ID_CONFIG, "it-dlq-app");
            sp.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            sp.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
            sp.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            sp.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
            sp.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
            DeadLetterExceptionHandler.configure(sp, "it-stage", TestDeadLetterSerde.serializer(), counts);

            StreamsBuilder b = new StreamsBuilder();
            b.stream(in, Consumed.with(Serdes.String(), Serdes.Integer()))
                    .mapValues(alb -> {
                        if (alb < 10) {
                            throw new RejectedRecordException(ReasonCode.ALB_OUT_OF_RANGE,
                                    "ALB " + alb + " g/L is below the plausible 10 g/L");
                        }
                        return alb;
                    })
                    .to(OUT, Produced.with(Serdes.String(), unluckyThirteen()));

            try (KafkaStreams app = new KafkaStreams(b.build(), sp)) {
                app.start();
                List<ConsumerRecord<String, byte[]>> dlq = consume(bootstrap, Topics.DLQ.name(), 3,
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer());
                List<ConsumerRecord<String, Integer>> out = consume(bootstrap, OUT, 2, new IntegerDeserializer());
                assertEquals(KafkaStreams.State.RUNNING, app.state(), "the app went on after both failures");

                Map<String, DeadLetter> byCase = new HashMap<>();
                for (var r : dlq) {
                    byCase.put(r.key(), TestDeadLetterSerde.deserializer().deserialize(r.topic(), r.value()));
                }
                DeadLetter bad = byCase.get("c2");
                assertEquals("DESERIALIZATION", bad.getReasonCode());
                assertEquals("c2", bad.getCaseId());
                assertEquals("it-stage", bad.getStage());
                assertEquals(in, bad.getSourceTopic());
                assertEquals(sent.get("c2").partition(), bad.getSourcePartition());
                assertEquals(sent.get("c2").offset(), bad.getSourceOffset());
                assertArrayEquals(garbage, bytes(bad.getOriginalValue()));
                assertEquals(org.apache.kafka.common.errors.SerializationException.class.getName(), bad.getExceptionClass());

                DeadLetter rejected = byCase.get("c3");
                assertEquals("ALB_OUT_OF_RANGE", rejected.getReasonCode());
                assertTrue(rejected.getMessage().contains("ALB -5 g/L is below the plausible 10 g/L"), rejected.getMessage());
                assertEquals(sent.get("c3").partition(), rejected.getSourcePartition());
                assertEquals(sent.get("c3").offset(), rejected.getSourceOffset());
                assertArrayEquals(intBytes(-5), bytes(rejected.getOriginalValue()));

                assertEquals(Map.of("c1", 41, "c4", 38),
                        Map.of(out.get(0).key(), out.get(0).value(), out.get(1).key(), out.get(1).value()));
                DeadLetter unencodable = byCase.get("c5");
                assertEquals("SERIALIZATION", unencodable.getReasonCode());
                assertTrue(unencodable.getMessage().contains("13 cannot be encoded"), unencodable.getMessage());
                assertEquals(sent.get("c5").partition(), unencodable.getSourcePartition(), "source = the input record");
                assertEquals(sent.get("c5").offset(), unencodable.getSourceOffset());
                assertArrayEquals(intBytes(13), bytes(unencodable.getOriginalValue()));
                assertEquals(1, counts.get("it-stage", ReasonCode.SERIALIZATION));
                assertEquals(1, counts.get("it-stage", ReasonCode.DESERIALIZATION));
                assertEquals(1, counts.get("it-stage", ReasonCode.ALB_OUT_OF_RANGE));
                app.close(Duration.ofSeconds(30));
            }
        }
    }

    private static <V> List<ConsumerRecord<String, V>> consume(String bootstrap, String topic, int n,
            org.apache.kafka.common.serialization.Deserializer<V> valueDeserializer) {
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + topic);
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, V>> got = new ArrayList<>();
        try (var c = new KafkaConsumer<>(cp, new StringDeserializer(), valueDeserializer)) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (got.size() < n && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(got::add);
            }
        }
        assertEquals(n, got.size(), "records on " + topic);
        return got;
    }

    /** An output serde that cannot encode 13 (stands for e.g. a schema the registry refuses). */
    private static org.apache.kafka.common.serialization.Serde<Integer> unluckyThirteen() {
        var inner = Serdes.Integer();
        return Serdes.serdeFrom((topic, v) -> {
            if (v == 13) {
                throw new org.apache.kafka.common.errors.SerializationException("value 13 cannot be encoded");
            }
            return inner.serializer().serialize(topic, v);
        }, inner.deserializer());
    }

    private static byte[] intBytes(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
