package org.radstream.streaming.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import org.radstream.streaming.embedded.EmbeddedKafkaBroker;

class StreamsServiceIT {

    @Test
    void readyWhenRunningAndStopsCleanly(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic("it.s.in", 2, (short) 1), new NewTopic("it.s.out", 2, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            StreamsBuilder b = new StreamsBuilder();
            b.stream("it.s.in", Consumed.with(Serdes.String(), Serdes.String()))
                    .mapValues(v -> v.toUpperCase(java.util.Locale.ROOT))
                    .to("it.s.out", Produced.with(Serdes.String(), Serdes.String()));
            Properties sp = new Properties();
            sp.put(StreamsConfig.APPLICATION_ID_CONFIG, "it-streams-service");
            sp.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            sp.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
            sp.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
            StreamsService svc = new StreamsService("upper", b.build(), sp);

            RunnerSettings settings = RunnerSettings.DEFAULTS.withHealthHost("127.0.0.1").withHealthPort(0)
                    .withShutdownTimeout(Duration.ofSeconds(20));
            try (ServiceRunner.Running running = ServiceRunner.start(svc, settings)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                HttpResponse<String> ready;
                do {
                    Thread.sleep(200);
                    ready = get(running.healthPort(), "/health/ready");
                } while (ready.statusCode() != 200 && System.nanoTime() < deadline);
                assertEquals(200, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("\"state\":\"RUNNING\""), ready.body());
                assertEquals(KafkaStreams.State.RUNNING, svc.streams().state());

                Properties pp = new Properties();
                pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                try (var p = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                    p.send(new ProducerRecord<>("it.s.in", "case-1", "abc")).get();
                }
                Properties cp = new Properties();
                cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                cp.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader");
                cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                String got = null;
                try (var c = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
                    c.subscribe(List.of("it.s.out"));
                    while (got == null && System.nanoTime() < deadline) {
                        for (var r : c.poll(Duration.ofMillis(200))) {
                            got = r.value();
                        }
                    }
                }
                assertEquals("ABC", got);
            }
            assertTrue(svc.termination().isDone() && !svc.termination().isCompletedExceptionally());
            assertEquals(KafkaStreams.State.NOT_RUNNING, svc.streams().state());
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
