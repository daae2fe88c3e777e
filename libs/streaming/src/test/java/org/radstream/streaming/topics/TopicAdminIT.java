package org.radstream.streaming.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.streaming.embedded.EmbeddedKafkaBroker;

class TopicAdminIT {

    @Test
    void createsMissingThenFindsThemAndReportsMismatchesWithoutTouchingThem(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin admin = Admin.create(p)) {
                // someone created two topics by hand, wrongly
                admin.createTopics(List.of(
                        new NewTopic(Topics.FEATURES_CASE.name(), 3, (short) 1),
                        new NewTopic(Topics.CLINICAL.name(), 6, (short) 1).configs(Map.of("cleanup.policy", "delete"))))
                        .all().get(30, TimeUnit.SECONDS);

                TopicAdmin topics = new TopicAdmin(admin, 30_000);
                List<TopicCheck> first = topics.ensure(Topics.ALL, (short) 1);
                assertEquals(Topics.ALL.size(), first.size());
                for (TopicCheck c : first) {
                    if (c.topic().equals(Topics.FEATURES_CASE.name())) {
                        assertEquals(TopicCheck.Outcome.MISMATCH, c.outcome());
                        assertEquals(List.of("has 3 partitions, the catalogue wants 6 (caseId topics must be co-partitioned)"),
                                c.problems());
                    } else if (c.topic().equals(Topics.CLINICAL.name())) {
                        assertEquals(TopicCheck.Outcome.MISMATCH, c.outcome());
                        assertEquals(List.of("has cleanup.policy=delete, the catalogue wants compact"), c.problems());
                    } else {
                        assertEquals(TopicCheck.Outcome.CREATED, c.outcome(), c.toString());
                    }
                }
                // the created ones carry the catalogue's settings
                var models = new ConfigResource(ConfigResource.Type.TOPIC, Topics.MODELS.name());
                var cfg = admin.describeConfigs(List.of(models)).all().get(30, TimeUnit.SECONDS).get(models);
                assertEquals("compact", cfg.get("cleanup.policy").value());
                assertEquals("86400000", cfg.get("min.compaction.lag.ms").value());
                assertEquals(6, admin.describeTopics(List.of(Topics.RISK_SCORES.name())).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(Topics.RISK_SCORES.name()).partitions().size());

                // idempotent: a second run creates nothing, changes nothing
                List<TopicCheck> second = topics.ensure(Topics.ALL, (short) 1);
                assertEquals(9, second.stream().filter(c -> c.outcome() == TopicCheck.Outcome.EXISTS).count());
                assertEquals(2, second.stream().filter(c -> c.outcome() == TopicCheck.Outcome.MISMATCH).count());
                assertTrue(second.stream().noneMatch(c -> c.outcome() == TopicCheck.Outcome.CREATED));
                assertEquals(3, admin.describeTopics(List.of(Topics.FEATURES_CASE.name())).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(Topics.FEATURES_CASE.name()).partitions().size(),
                        "a mismatched topic is never altered");
            }
        }
    }
}
