package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.streaming.embedded.EmbeddedKafkaBroker;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;

class TopicsCommandIT {

    @Test
    void createIsIdempotentAndMismatchExitsOne(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
            String bootstrap = broker.bootstrapServers();
            CliRun first = CliRun.of("topics", "create", "--bootstrap", bootstrap, "--replication-factor", "1");
            assertEquals(0, first.exitCode(), first.out() + first.err());
            assertEquals(11, first.out().lines().filter(l -> l.startsWith("created ")).count(), first.out());
            assertTrue(first.out().contains("11 topics on " + bootstrap + ": 11 created, 0 already existed, 0 mismatched"),
                    first.out());

            CliRun second = CliRun.of("topics", "create", "--bootstrap", bootstrap);
            assertEquals(0, second.exitCode(), second.out() + second.err());
            assertTrue(second.out().contains(": 0 created, 11 already existed, 0 mismatched"), second.out());

            // asking for another partition count than the cluster has is a mismatch, not a silent success
            CliRun third = CliRun.of("topics", "create", "--bootstrap", bootstrap, "--partitions", "3");
            assertEquals(1, third.exitCode(), third.out());
            assertTrue(third.out().contains("MISMATCH  radstream.features.case.v1: has 6 partitions, the catalogue wants 3"),
                    third.out());
            assertTrue(third.out().contains("0 created, 2 already existed, 9 mismatched"), third.out());

            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin admin = Admin.create(p)) {
                var names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertTrue(names.containsAll(Topics.ALL.stream().map(TopicSpec::name).toList()), names.toString());
                assertEquals(6, admin.describeTopics(List.of(Topics.FEATURES_CASE.name())).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(Topics.FEATURES_CASE.name()).partitions().size(),
                        "a mismatched topic is left unchanged");
            }
        }
    }

    @Test
    void unreachableBrokerFailsWithAMessageNotAHang() {
        long t0 = System.nanoTime();
        int rc = RadstreamCommand.execute("topics", "create", "--bootstrap", "127.0.0.1:1");
        assertEquals(1, rc);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60), "took too long");
    }
}
