package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.streaming.embedded.EmbeddedKafkaBroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LagCommandIT {

    @Test
    void jsonAndTextReportsOfAGroupWithKnownOffsets(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
            String bootstrap = broker.bootstrapServers();
            // records written 1 hour ago and later: the lag in time is at least 3600 s - 2 s for offset 2
            Instant t0 = Instant.now().minusSeconds(3600);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic("it.cli.lag", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                Properties pp = new Properties();
                pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                try (var p = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                    for (int i = 0; i < 6; i++) {
                        p.send(new ProducerRecord<>("it.cli.lag", 0, t0.plusSeconds(i).toEpochMilli(), "c" + i, "v")).get();
                    }
                }
                admin.alterConsumerGroupOffsets("it-cli-group",
                        Map.of(new TopicPartition("it.cli.lag", 0), new OffsetAndMetadata(2))).all().get(30, TimeUnit.SECONDS);
            }
            long before = Instant.now().toEpochMilli();
            CliRun r = CliRun.of("lag", "--bootstrap", bootstrap, "--group", "it-cli-group", "--json",
                    "--samples", "2", "--interval", "0.2");
            long after = Instant.now().toEpochMilli();
            assertEquals(0, r.exitCode(), r.out() + r.err());
            JsonNode root = new ObjectMapper().readTree(r.out());
            JsonNode g = root.get("groups").get(0);
            assertEquals("it-cli-group", g.get("group").asText());
            assertEquals("STOPPED", g.get("status").asText());
            assertEquals(0, g.get("members").asInt());
            assertEquals(4, g.get("totalLag").asLong());
            JsonNode p = g.get("partitions").get(0);
            assertEquals(2, p.get("committedOffset").asLong());
            assertEquals(6, p.get("endOffset").asLong());
            assertEquals(4, p.get("lag").asLong());
            long written = t0.plusSeconds(2).toEpochMilli();
            long lagMs = p.get("lagMillis").asLong();
            assertTrue(lagMs >= before - written && lagMs <= after - written,
                    "lag in time " + lagMs + " ms not in [" + (before - written) + ", " + (after - written) + "]");

            CliRun text = CliRun.of("lag", "--bootstrap", bootstrap, "--group", "it-cli-group", "--samples", "1");
            assertEquals(0, text.exitCode(), text.err());
            assertTrue(text.out().startsWith("group it-cli-group  STOPPED  members=0 state=EMPTY  lag=4 records, 1h00m"),
                    text.out());
            assertTrue(text.out().lines().anyMatch(l -> l.matches("\\s+it\\.cli\\.lag\\s+0\\s+2\\s+6\\s+4\\s+1h00m")),
                    text.out());

            CliRun missing = CliRun.of("lag", "--bootstrap", bootstrap, "--group", "nope", "--samples", "1");
            assertEquals(1, missing.exitCode());

            // --watch: one JSON document per refresh, each evaluated over the samples so far
            java.io.StringWriter watched = new java.io.StringWriter();
            Thread watcher = new Thread(() -> new picocli.CommandLine(new RadstreamCommand())
                    .setOut(new java.io.PrintWriter(watched, true))
                    .execute("lag", "--bootstrap", bootstrap, "--group", "it-cli-group", "--json", "--watch", "1"));
            watcher.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (watched.toString().lines().count() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            watcher.interrupt();
            watcher.join(10_000);
            List<String> docs = watched.toString().lines().toList();
            assertTrue(docs.size() >= 3, watched.toString());
            for (int i = 0; i < 3; i++) {
                JsonNode d = new ObjectMapper().readTree(docs.get(i)).get("groups").get(0);
                assertEquals(i + 1, d.get("samples").asInt(), docs.get(i));
                assertEquals(4, d.get("totalLag").asLong());
            }
        }
    }
}
