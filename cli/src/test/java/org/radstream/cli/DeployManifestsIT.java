package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;

/**
 * The committed deployment files as their own tools read them: {@code docker-compose config} (Debian's
 * docker-compose, which needs no engine) and {@code kubectl kustomize} on the example overlay. Each check fails
 * when its tool is missing under CI=true, and is skipped otherwise.
 */
class DeployManifestsIT {

    /** Every stage of {@code radstream run}, in pipeline order: one compose service, one Deployment {@code radstream-<stage>}. */
    static final List<String> STAGES = List.of("ingestion", "preprocessing", "feature-extraction", "quality-gate",
            "training", "inference", "reporting");

    record Result(int exitCode, String out, String err) {
    }

    static Path tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(name + " is required in CI (scripts/setup --test-tools installs it)");
        }
        assumeTrue(false, name + " not installed; skipping");
        return null;
    }

    static Result run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        Path err = Files.createTempFile("deploy-it", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        String e = Files.readString(err);
        Files.delete(err);
        return new Result(p.exitValue(), out, e);
    }

    @Test
    void composeFileIsValidAndHasEveryStage() throws Exception {
        Path compose = tool("docker-compose");
        Path root = DeployCommandTest.repoRoot();
        // the pseudonymisation key is mandatory (compose stops with a message when it is unset)
        Result noKey = run(root, Map.of("RADSTREAM_INGESTION_PSEUDONYM_KEY", ""), compose.toString(),
                "-f", "docker-compose.yml", "config", "-q");
        assertTrue(noKey.exitCode() != 0 && noKey.err().contains("RADSTREAM_INGESTION_PSEUDONYM_KEY"), noKey.err());

        Map<String, String> env = Map.of("RADSTREAM_INGESTION_PSEUDONYM_KEY", "it-only-key-0123456789abcdef0123456789");
        Result quiet = run(root, env, compose.toString(), "-f", "docker-compose.yml", "config", "-q");
        assertEquals(0, quiet.exitCode(), quiet.err());
        Result services = run(root, env, compose.toString(), "-f", "docker-compose.yml", "config", "--services");
        assertEquals(0, services.exitCode(), services.err());
        Set<String> names = new TreeSet<>(services.out().lines().map(String::trim).toList());
        for (String s : STAGES) {
            assertTrue(names.contains(s), "compose has no service " + s + ": " + names);
        }
        for (String s : List.of("kafka", "registry", "topics", "prometheus", "grafana")) {
            assertTrue(names.contains(s), "compose has no service " + s + ": " + names);
        }
        Result full = run(root, env, compose.toString(), "-f", "docker-compose.yml", "config");
        assertEquals(0, full.exitCode(), full.err());
        JsonNode cfg = DeployCommandTest.documents(full.out()).get(0).path("services");
        for (String s : STAGES) {
            JsonNode svc = cfg.path(s);
            assertEquals(List.of("run", s), List.of(svc.path("command").get(0).asText(), svc.path("command").get(1).asText()), s);
            assertEquals("service_healthy", svc.path("depends_on").path("kafka").path("condition").asText(), s);
            assertEquals("service_completed_successfully", svc.path("depends_on").path("topics").path("condition").asText(), s);
            assertTrue(svc.path("healthcheck").path("test").toString().contains("/health/ready"), s);
        }
        // Prometheus scrapes every stage's /metrics
        String prometheus = Files.readString(root.resolve("docker/prometheus.yml"));
        for (String s : STAGES) {
            assertTrue(prometheus.contains("\"" + s + ":8080\""), "docker/prometheus.yml does not scrape " + s);
        }
    }

    @Test
    void exampleOverlayRendersEveryStageScaledObjectAndTopic() throws Exception {
        Path kubectl = tool("kubectl");
        Path root = DeployCommandTest.repoRoot();
        Result r = run(root, Map.of(), kubectl.toString(), "kustomize", "deploy/overlays/example");
        assertEquals(0, r.exitCode(), r.err());
        List<JsonNode> docs = DeployCommandTest.documents(r.out());
        List<String> deployments = new ArrayList<>();
        List<String> scaledObjects = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<String> pdbs = new ArrayList<>();
        boolean dashboard = false;
        for (JsonNode d : docs) {
            String kind = d.path("kind").asText();
            String name = d.path("metadata").path("name").asText();
            assertEquals("radstream", d.path("metadata").path("namespace").asText(kind.equals("Namespace") ? "radstream" : ""),
                    kind + " " + name + " namespace");
            switch (kind) {
                case "Deployment" -> {
                    deployments.add(name);
                    JsonNode c = d.path("spec").path("template").path("spec").path("containers").get(0);
                    assertEquals("/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText(), name);
                    assertEquals("/health/live", c.path("livenessProbe").path("httpGet").path("path").asText(), name);
                    assertTrue(c.path("resources").path("limits").has("memory"), name + " memory limit");
                    assertTrue(c.path("envFrom").toString().contains("radstream-config"), name + " ConfigMap");
                    assertTrue(c.path("env").toString().contains("RADSTREAM_SASL_JAAS_CONFIG"), name + " SASL secret");
                }
                case "ScaledObject" -> scaledObjects.add(name);
                case "KafkaTopic" -> topics.add(d.path("spec").path("topicName").asText());
                case "PodDisruptionBudget" -> pdbs.add(name);
                case "ConfigMap" -> dashboard |= d.path("data").has("radstream.json");
                default -> { }
            }
        }
        for (String s : STAGES) {
            assertTrue(deployments.contains("radstream-" + s), "no Deployment radstream-" + s + ": " + deployments);
            assertTrue(pdbs.contains("radstream-" + s), "no PodDisruptionBudget radstream-" + s + ": " + pdbs);
        }
        for (DeployCommand.ScaledStage s : DeployCommand.SCALED_STAGES) {
            assertTrue(scaledObjects.contains("radstream-" + s.stage()), "no ScaledObject for " + s.stage() + ": " + scaledObjects);
        }
        for (TopicSpec t : Topics.ALL) {
            assertTrue(topics.contains(t.name()), "no KafkaTopic " + t.name() + ": " + topics);
        }
        assertTrue(dashboard, "no ConfigMap with the Grafana dashboard");
    }
}
