package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged CLI as a separate process, as a user would: READY line, working servers, clean stop. */
class PlatformUpIT {
    private static final Pattern READY = Pattern.compile(
            "READY bootstrap=(127\\.0\\.0\\.1:\\d+) registry=(http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7)");

    @Test
    void printsReadyServesAndStopsWithoutOrphans(@TempDir Path dir) throws Exception {
        Path jar = Paths.get("target", "radstream-cli.jar").toAbsolutePath();
        assertTrue(jar.toFile().isFile(), "package the CLI first: " + jar);
        Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + "radstream.registry.jar=" + System.getProperty("radstream.registry.jar"),
                "-jar", jar.toString(), "platform", "up", "--data-dir", dir.resolve("platform").toString(), "--fresh")
                .redirectError(dir.resolve("stderr.log").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(120, TimeUnit.SECONDS);
            assertNotNull(line, "platform up exited without READY; see " + dir.resolve("stderr.log"));
            Matcher m = READY.matcher(line);
            assertTrue(m.matches(), "unexpected first line: " + line);

            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, m.group(1));
            try (Admin admin = Admin.create(props)) {
                assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
            }
            HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(m.group(2) + "/subjects")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, subjects.statusCode());

            List<ProcessHandle> children = p.descendants().toList();
            assertFalse(children.isEmpty(), "the registry should run as a child process");
            p.destroy(); // SIGTERM, as an operator or Ctrl-C would
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "platform up did not stop within 60 s of SIGTERM");
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
                assertFalse(child.isAlive(), "orphan child process " + child.pid());
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
