package org.radstream.streaming.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.streaming.embedded.EmbeddedKafkaBroker;

/** A real SIGTERM to a service process: bounded graceful stop, unfinished record not committed. */
class ServiceRunnerSigtermIT {

    @Test
    void sigtermStopsWithinTheTimeoutAndCommitsOnlyFinishedWork(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic("it.sigterm", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            Properties pp = new Properties();
            pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (var p = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 5; i++) {
                    p.send(new ProducerRecord<>("it.sigterm", "case-" + i, "v")).get();
                }
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process proc = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    SigtermProbe.class.getName(), bootstrap, "it.sigterm", "it-sigterm")
                    .redirectErrorStream(true).start();
            StringBuilder output = new StringBuilder();
            CompletableFuture<Void> working = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (var in = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                        if (line.contains("WORKING 2")) {
                            working.complete(null);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // process gone
                }
            });
            reader.start();
            try {
                working.get(60, TimeUnit.SECONDS);
                long t0 = System.nanoTime();
                proc.destroy(); // SIGTERM
                assertTrue(proc.waitFor(30, TimeUnit.SECONDS), "no exit after SIGTERM:\n" + output);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                reader.join(5000);
                assertEquals(143, proc.exitValue(), "exit status of a JVM ended by SIGTERM\n" + output);
                assertTrue(ms < 20_000, "stop took " + ms + " ms\n" + output);
            } finally {
                proc.destroyForcibly();
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                var offsets = admin.listConsumerGroupOffsets("it-sigterm").partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                assertEquals(2L, offsets.get(new TopicPartition("it.sigterm", 0)).offset(),
                        "records 0 and 1 committed, the interrupted record 2 not");
                // the hook closed the consumer, which left the group at once (a killed one would linger
                // as a member until its session timed out, 45 s)
                var group = admin.describeConsumerGroups(List.of("it-sigterm")).all().get(30, TimeUnit.SECONDS)
                        .get("it-sigterm");
                assertEquals(0, group.members().size(), group.toString());
                assertEquals(GroupState.EMPTY, group.groupState());
            }
        }
    }
}
