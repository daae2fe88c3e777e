package org.radstream.streaming.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.embedded.EmbeddedKafkaBroker;

/** Kafka client metrics through the stage registry, consumer lag included, parsed by prometheus_client. */
class StageMetricsIT {

    @TempDir
    static Path dir;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start(dir);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void consumerLagAndProducerMetricsAreExported() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PrometheusTextParser.available(), "python3 prometheus_client not installed");
        String topic = "radstream.metrics-it.v1";
        Properties common = new Properties();
        common.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Properties cp = new Properties();
        cp.putAll(common);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "metrics-it");
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        try (StageMetrics m = new StageMetrics("metrics-it", new DeadLetterCounts());
                KafkaProducer<String, String> p = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> c = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
            m.bind(p);
            m.bind(c);
            for (int i = 0; i < 50; i++) {
                p.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
            }
            c.subscribe(List.of(topic));
            int got = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (got == 0 && System.nanoTime() < deadline) {
                got += c.poll(Duration.ofMillis(500)).count();
            }
            assertTrue(got > 0);
            // client metrics are read when scraped: the consumer fetched 1 of 50 records, its lag is 49. (The
            // per-partition kafka_consumer_fetch_manager_records_lag appears at the binder's next refresh, 60 s.)
            List<String> parsed = PrometheusTextParser.parse(m.scrape());
            String all = String.join("\n", parsed);
            assertTrue(parsed.stream().anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{")
                    && l.contains("stage=metrics-it") && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1), all);
            // the group's committed lag as the cluster sees it: commit 10 of 50, lag 40 on partition 0
            c.commitSync(java.util.Map.of(new org.apache.kafka.common.TopicPartition(topic, 0),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(10)));
            try (ConsumerGroupLagMetrics lag = new ConsumerGroupLagMetrics(m.registry(), common, "metrics-it", Duration.ofHours(1))) {
                lag.sample();
                List<String> withLag = PrometheusTextParser.parse(m.scrape());
                assertTrue(withLag.contains("radstream_consumer_group_lag_records{group=metrics-it,partition=0,stage=metrics-it,topic="
                        + topic + "} 40.0"), () -> String.join("\n", withLag));
                assertTrue(withLag.stream().anyMatch(l -> l.startsWith("radstream_consumer_group_lag_seconds{group=metrics-it,partition=0,")));
            }
            assertTrue(parsed.stream().anyMatch(l -> l.startsWith("kafka_producer_record_send_total{")
                    && l.contains("stage=metrics-it") && l.endsWith(" 50.0")), all);
        }
    }

    @Test
    void kafkaStreamsMetricsAreExported() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PrometheusTextParser.available(), "python3 prometheus_client not installed");
        String in = "radstream.metrics-streams-in.v1";
        Properties common = new Properties();
        common.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(in, 1, (short) 1))).all().get();
        }
        org.apache.kafka.streams.StreamsBuilder b = new org.apache.kafka.streams.StreamsBuilder();
        b.stream(in, org.apache.kafka.streams.kstream.Consumed.with(
                org.apache.kafka.common.serialization.Serdes.String(), org.apache.kafka.common.serialization.Serdes.String()))
                .foreach((k, v) -> { });
        Properties sp = new Properties();
        sp.putAll(common);
        sp.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, "metrics-streams-it");
        sp.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
        try (StageMetrics m = new StageMetrics("metrics-streams-it", new DeadLetterCounts());
                org.apache.kafka.streams.KafkaStreams streams = new org.apache.kafka.streams.KafkaStreams(b.build(), sp)) {
            m.bind(streams);
            streams.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (streams.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<String> parsed = PrometheusTextParser.parse(m.scrape());
            String all = String.join("\n", parsed);
            // the app's own state gauge and its embedded consumer's lag metric
            assertTrue(parsed.stream().anyMatch(l -> l.startsWith("kafka_stream_alive_stream_threads{")
                    && l.endsWith(" 1.0")), all);
            assertTrue(parsed.stream().anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{")), all);
        }
    }
}
