package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;

/**
 * The committed files under deploy/base/generated/ are exactly what {@code radstream deploy} writes from the code,
 * and, read back by a YAML parser, carry the catalogue's partitions and settings (so a catalogue change without
 * regenerating fails here, like TopicDocsTest for the README tables).
 */
class DeployCommandTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("deploy/base"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("deploy/base not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode d = it.next();
                if (d != null && !d.isNull() && !d.isMissingNode() && d.size() > 0) {
                    docs.add(d);
                }
            }
        }
        return docs;
    }

    @Test
    void committedKafkaTopicsAreTheGeneratedOnes() throws IOException {
        Path file = repoRoot().resolve("deploy/base/generated/kafka-topics.yaml");
        String generated = DeployCommand.kafkaTopicsYaml(Topics.ALL, DeployCommand.DEFAULT_CLUSTER,
                DeployCommand.DEFAULT_REPLICAS, null);
        assertEquals(generated, Files.readString(file), file + " is out of date; regenerate it with:\n"
                + "  ./radstream deploy kafka-topics --out deploy/base/generated/kafka-topics.yaml");
        CliRun r = CliRun.of("deploy", "kafka-topics");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(generated, r.out());
    }

    @Test
    void everyCatalogueTopicIsAKafkaTopicWithItsPartitionsAndSettings() throws IOException {
        Path file = repoRoot().resolve("deploy/base/generated/kafka-topics.yaml");
        Map<String, JsonNode> byTopic = new HashMap<>();
        for (JsonNode d : documents(Files.readString(file))) {
            assertEquals("kafka.strimzi.io/v1beta2", d.path("apiVersion").asText());
            assertEquals("KafkaTopic", d.path("kind").asText());
            assertEquals(DeployCommand.DEFAULT_CLUSTER, d.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            String name = d.path("spec").path("topicName").asText();
            assertTrue(byTopic.put(name, d) == null, "topic twice: " + name);
        }
        assertEquals(Topics.ALL.size(), byTopic.size(), "one KafkaTopic per catalogue topic: " + byTopic.keySet());
        for (TopicSpec t : Topics.ALL) {
            JsonNode spec = byTopic.get(t.name()).path("spec");
            assertNotNull(spec, t.name());
            assertEquals(t.partitions(), spec.path("partitions").asInt(), t.name() + " partitions");
            assertEquals(DeployCommand.DEFAULT_REPLICAS, spec.path("replicas").asInt(), t.name() + " replicas");
            JsonNode config = spec.path("config");
            t.topicConfigs().forEach((k, v) -> assertEquals(v, config.path(k).asText(), t.name() + " " + k));
            assertEquals("2", config.path("min.insync.replicas").asText(), t.name() + " min.insync.replicas");
            // a Kubernetes name (DNS subdomain) even where the topic name is not one
            assertTrue(byTopic.get(t.name()).path("metadata").path("name").asText().matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"));
        }
    }

    @Test
    void committedScaledObjectsAreTheGeneratedOnes() throws IOException {
        Path file = repoRoot().resolve("deploy/base/generated/scaled-objects.yaml");
        String generated = DeployCommand.scaledObjectsYaml(Topics.DEFAULT_PARTITIONS, null);
        assertEquals(generated, Files.readString(file), file + " is out of date; regenerate it with:\n"
                + "  ./radstream deploy scaled-objects --out deploy/base/generated/scaled-objects.yaml");
    }

    @Test
    void everyScaledStageScalesItsDeploymentOnItsGroupUpToItsTopicsPartitions() throws IOException {
        Path root = repoRoot();
        List<JsonNode> docs = documents(Files.readString(root.resolve("deploy/base/generated/scaled-objects.yaml")));
        assertEquals(DeployCommand.SCALED_STAGES.size(), docs.size());
        for (int i = 0; i < docs.size(); i++) {
            JsonNode d = docs.get(i);
            DeployCommand.ScaledStage s = DeployCommand.SCALED_STAGES.get(i);
            assertEquals("ScaledObject", d.path("kind").asText());
            JsonNode trigger = d.path("spec").path("triggers").get(0);
            assertEquals("kafka", trigger.path("type").asText());
            String topic = trigger.path("metadata").path("topic").asText();
            TopicSpec spec = Topics.byName(topic).orElseThrow(() -> new AssertionError("not in the catalogue: " + topic));
            int max = d.path("spec").path("maxReplicaCount").asInt();
            assertTrue(max >= 1 && max <= spec.partitions(), s.stage() + ": maxReplicaCount " + max + " > " + spec.partitions()
                    + " partitions of " + topic);
            assertEquals(s.stage(), trigger.path("metadata").path("consumerGroup").asText());
            // Kafka 4 brokers refuse the protocol of clients older than 2.1 (KIP-896); KEDA's default is 1.0.0
            String[] v = trigger.path("metadata").path("version").asText("1.0.0").split("\\.");
            assertTrue(Integer.parseInt(v[0]) > 2 || Integer.parseInt(v[0]) == 2 && Integer.parseInt(v[1]) >= 1,
                    s.stage() + ": scaler protocol version " + trigger.path("metadata").path("version"));
            // the scale target is the stage's Deployment in the base
            String target = d.path("spec").path("scaleTargetRef").path("name").asText();
            List<JsonNode> stageDocs = documents(Files.readString(root.resolve("deploy/base/stages/" + s.stage() + ".yaml")));
            assertTrue(stageDocs.stream().anyMatch(x -> x.path("kind").asText().equals("Deployment")
                    && x.path("metadata").path("name").asText().equals(target)), s.stage() + ": no Deployment " + target);
        }
    }

    @Test
    void composeAndDeploymentsRunEveryStageOfRadstreamRun() throws IOException {
        Path root = repoRoot();
        List<String> stages = List.copyOf(RunCommand.STAGES.keySet());
        assertEquals(DeployManifestsIT.STAGES, stages, "the stages radstream run knows");
        JsonNode services = documents(Files.readString(root.resolve("docker-compose.yml"))).get(0).path("services");
        for (String s : stages) {
            JsonNode command = services.path(s).path("command");
            assertEquals("run", command.path(0).asText(), "docker-compose.yml service " + s + ": " + command);
            assertEquals(s, command.path(1).asText(), "docker-compose.yml service " + s + ": " + command);
            JsonNode deployment = documents(Files.readString(root.resolve("deploy/base/stages/" + s + ".yaml"))).stream()
                    .filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
            assertEquals("radstream-" + s, deployment.path("metadata").path("name").asText());
            JsonNode args = deployment.path("spec").path("template").path("spec").path("containers").path(0).path("args");
            assertEquals("run", args.path(0).asText(), s + " Deployment args " + args);
            assertEquals(s, args.path(1).asText(), s + " Deployment args " + args);
        }
        for (DeployCommand.ScaledStage s : DeployCommand.SCALED_STAGES) {
            assertTrue(stages.contains(s.stage()), "scaled stage " + s.stage() + " is not a stage of radstream run");
        }
    }

    @Test
    void partitionsOptionResizesTopicsAndTheReplicaCeiling() throws IOException {
        CliRun topics = CliRun.of("deploy", "kafka-topics", "--partitions", "12", "--replicas", "1", "--cluster", "c1",
                "--namespace", "ns");
        assertEquals(0, topics.exitCode(), topics.err());
        Map<String, JsonNode> byTopic = new HashMap<>();
        for (JsonNode d : documents(topics.out())) {
            byTopic.put(d.path("spec").path("topicName").asText(), d);
            assertEquals("ns", d.path("metadata").path("namespace").asText());
            assertEquals("c1", d.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            assertEquals("1", d.path("spec").path("config").path("min.insync.replicas").asText());
        }
        assertEquals(12, byTopic.get(Topics.FEATURES_CASE.name()).path("spec").path("partitions").asInt());
        assertEquals(1, byTopic.get(Topics.MODELS.name()).path("spec").path("partitions").asInt());
        CliRun scaled = CliRun.of("deploy", "scaled-objects", "--partitions", "12");
        assertEquals(0, scaled.exitCode(), scaled.err());
        for (JsonNode d : documents(scaled.out())) {
            assertEquals(12, d.path("spec").path("maxReplicaCount").asInt());
        }
    }

    @Test
    void outWritesTheFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sub/topics.yaml");
        CliRun r = CliRun.of("deploy", "kafka-topics", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(DeployCommand.kafkaTopicsYaml(Topics.ALL, DeployCommand.DEFAULT_CLUSTER, DeployCommand.DEFAULT_REPLICAS,
                null), Files.readString(out));
        assertTrue(r.err().contains("wrote " + out), r.err());
    }

    @Test
    void badNumbersAreUsageErrors() {
        CliRun r = CliRun.of("deploy", "kafka-topics", "--replicas", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--replicas must be >= 1, got 0"), r.err());
        CliRun p = CliRun.of("deploy", "scaled-objects", "--partitions", "0");
        assertEquals(2, p.exitCode());
        assertTrue(p.err().contains("--partitions must be >= 1, got 0"), p.err());
    }
}
