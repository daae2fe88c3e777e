package org.radstream.streaming.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPlatformIT {

    @Test
    void brokerAndRegistryAnswerAndStopCleanly(@TempDir Path dir) throws Exception {
        long registryPid;
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(dir)) {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
            try (Admin admin = Admin.create(p)) {
                admin.createTopics(List.of(new NewTopic("it.probe", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
                Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertTrue(names.contains("it.probe"), names.toString());
            }
            HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(platform.registryUrl() + "/subjects"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, subjects.statusCode(), subjects.body());
            assertEquals("[]", subjects.body().replace(" ", ""));
            registryPid = platform.registry().pid();
        }
        // no orphan: the registry child process is gone after close
        assertFalse(ProcessHandle.of(registryPid).map(ProcessHandle::isAlive).orElse(false),
                "registry process " + registryPid + " still alive after close");
    }

    @Test
    void brokerRestartKeepsTopicsAndAddress(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
            String before = broker.bootstrapServers();
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, before);
            try (Admin admin = Admin.create(p)) {
                admin.createTopics(List.of(new NewTopic("it.kept", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            broker.restart();
            assertEquals(before, broker.bootstrapServers());
            try (Admin admin = Admin.create(p)) {
                assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("it.kept"));
            }
        }
    }
}
