package org.radstream.streaming.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.DeadLetter;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.DeadLetterFactory;
import org.radstream.streaming.dlq.DeadLetterWriter;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;
import org.radstream.streaming.dlq.TestDeadLetterSerde;
import org.radstream.streaming.embedded.EmbeddedKafkaBroker;
import org.radstream.streaming.topics.Topics;

class ConsumerLoopServiceIT {

    @TempDir
    static Path dir;
    static EmbeddedKafkaBroker broker;
    static KafkaProducer<String, DeadLetter> dlqProducer;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start(dir);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.DLQ.name(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        dlqProducer = new KafkaProducer<>(pp, new StringSerializer(), TestDeadLetterSerde.serializer());
    }

    @AfterAll
    static void stopBroker() {
        dlqProducer.close();
        broker.close();
    }

    @Test
    void stopMidRecordLeavesItUncommittedAndARestartProcessesItAgain() throws Exception {
        String topic = "it.loop.restart";
        produce(topic, 10);
        List<Long> run1 = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch atFour = new CountDownLatch(1);
        ConsumerLoopService<String, String> first = service("it-restart", topic, r -> {
            if (r.offset() == 4) {
                atFour.countDown();
                Thread.sleep(120_000); // long work, cut short by the stop
            }
            run1.add(r.offset());
        });
        first.start();
        assertTrue(atFour.await(60, TimeUnit.SECONDS), "record 4 never started");
        first.stop(Duration.ofMillis(300));
        first.termination().get(30, TimeUnit.SECONDS);
        assertEquals(List.of(0L, 1L, 2L, 3L), run1);
        assertEquals(4L, committed("it-restart", topic), "the unfinished record 4 is not committed");

        List<Long> run2 = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch allDone = new CountDownLatch(1);
        ConsumerLoopService<String, String> second = service("it-restart", topic, r -> {
            run2.add(r.offset());
            if (r.offset() == 9) {
                allDone.countDown();
            }
        });
        second.start();
        assertTrue(allDone.await(60, TimeUnit.SECONDS), "restart did not reach record 9: " + run2);
        second.stop(Duration.ofSeconds(10));
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), run2, "the restart begins with the unfinished record");
        assertEquals(10L, committed("it-restart", topic));
    }

    @Test
    void gracefulStopLetsTheRecordInProgressFinishAndCommitsIt() throws Exception {
        String topic = "it.loop.graceful";
        produce(topic, 10);
        List<Long> done = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch atTwo = new CountDownLatch(1);
        ConsumerLoopService<String, String> svc = service("it-graceful", topic, r -> {
            if (r.offset() == 2) {
                atTwo.countDown();
                Thread.sleep(700); // finishes well within the shutdown timeout
            }
            done.add(r.offset());
        });
        svc.start();
        assertTrue(atTwo.await(60, TimeUnit.SECONDS));
        svc.stop(Duration.ofSeconds(20));
        svc.termination().get(30, TimeUnit.SECONDS);
        assertEquals(List.of(0L, 1L, 2L), done, "nothing started after the stop request");
        assertEquals(3L, committed("it-graceful", topic));
    }

    @Test
    void undecodableAndRejectedRecordsGoToTheDlqAndAreCommitted() throws Exception {
        String topic = "it.loop.dlq";
        produce(topic, 5);
        DeadLetterCounts counts = new DeadLetterCounts();
        DeadLetterWriter dlq = new DeadLetterWriter(dlqProducer, new DeadLetterFactory("it-loop", Clock.systemUTC()), counts);
        Deserializer<String> picky = (t, bytes) -> {
            String s = new String(bytes, StandardCharsets.UTF_8);
            if (s.equals("v-1")) {
                throw new RejectedRecordException(ReasonCode.WIRE_FORMAT, "first byte 0x76 is not the magic byte 0");
            }
            return s;
        };
        CountDownLatch last = new CountDownLatch(1);
        List<Long> handled = Collections.synchronizedList(new ArrayList<>());
        ConsumerLoopService<String, String> svc = new ConsumerLoopService<>("it-loop", consumerProps("it-dlq"),
                List.of(topic), new StringDeserializer(), picky, r -> {
                    if (r.offset() == 3) {
                        throw new RejectedRecordException(ReasonCode.EMPTY_MASK, "mask of reader A on AP is empty");
                    }
                    handled.add(r.offset());
                    if (r.offset() == 4) {
                        last.countDown();
                    }
                }, dlq);
        svc.start();
        assertTrue(last.await(60, TimeUnit.SECONDS));
        svc.stop(Duration.ofSeconds(10));
        assertEquals(List.of(0L, 2L, 4L), handled);
        assertEquals(5L, committed("it-dlq", topic), "dead-lettered records are committed after the DLQ write");
        assertEquals(1, counts.get("it-loop", ReasonCode.WIRE_FORMAT));
        assertEquals(1, counts.get("it-loop", ReasonCode.EMPTY_MASK));
        assertEquals(2L, svc.health().details().get("deadLettered"));

        List<DeadLetter> letters = readDlq(2);
        DeadLetter wire = letters.stream().filter(d -> d.getReasonCode().equals("WIRE_FORMAT")).findFirst().orElseThrow();
        assertEquals("case-1", wire.getCaseId());
        assertEquals(topic, wire.getSourceTopic());
        assertEquals(0, wire.getSourcePartition());
        assertEquals(1L, wire.getSourceOffset());
        assertEquals("v-1", StandardCharsets.UTF_8.decode(wire.getOriginalValue()).toString());
        DeadLetter mask = letters.stream().filter(d -> d.getReasonCode().equals("EMPTY_MASK")).findFirst().orElseThrow();
        assertEquals(3L, mask.getSourceOffset());
        assertEquals("mask of reader A on AP is empty", mask.getMessage());
    }

    private ConsumerLoopService<String, String> service(String group, String topic, RecordHandler<String, String> h) {
        DeadLetterWriter dlq = new DeadLetterWriter(dlqProducer, new DeadLetterFactory(group, Clock.systemUTC()),
                new DeadLetterCounts());
        return new ConsumerLoopService<>(group, consumerProps(group), List.of(topic), new StringDeserializer(),
                new StringDeserializer(), h, dlq);
    }

    private static Properties consumerProps(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        return p;
    }

    private static void produce(String topic, int n) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var p = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
            for (int i : IntStream.range(0, n).toArray()) {
                p.send(new ProducerRecord<>(topic, "case-" + i, "v-" + i)).get();
            }
        }
    }

    private static long committed(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata o = m.get(new TopicPartition(topic, 0));
            return o == null ? -1 : o.offset();
        }
    }

    private static List<DeadLetter> readDlq(int n) {
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-reader");
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadLetter> got = new ArrayList<>();
        try (var c = new KafkaConsumer<>(cp, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(Topics.DLQ.name()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (got.size() < n && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r ->
                        got.add(TestDeadLetterSerde.deserializer().deserialize(r.topic(), r.value())));
            }
        }
        assertEquals(n, got.size());
        return got;
    }
}
