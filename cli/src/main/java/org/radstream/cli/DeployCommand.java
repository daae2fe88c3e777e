package org.radstream.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radstream deploy kafka-topics|scaled-objects}: the Kubernetes resources under {@code deploy/base/generated/}
 * that must follow the code, written from it so they cannot drift (DeployCommandTest compares the committed
 * files with this output):
 * <ul>
 *   <li>Strimzi {@code KafkaTopic}s from the topic catalogue ({@link Topics}): the same partitions, cleanup policy,
 *       retention and minimum compaction lag;</li>
 *   <li>KEDA {@code ScaledObject}s, one per consumer stage that scales by instances, on its consumer group's lag on
 *       its input topic, with {@code maxReplicaCount} = that topic's partitions (more consumers would sit idle).</li>
 * </ul>
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Write the Kubernetes resources generated from the code (deploy/base/generated/).",
            "Regenerate after changing the topic catalogue or a stage's input:",
            "  radstream deploy kafka-topics --out deploy/base/generated/kafka-topics.yaml",
            "  radstream deploy scaled-objects --out deploy/base/generated/scaled-objects.yaml"},
        subcommands = {DeployCommand.KafkaTopics.class, DeployCommand.ScaledObjects.class})
final class DeployCommand {

    /** Strimzi cluster (the {@code Kafka} resource's name) the topics belong to, unless {@code --cluster} says otherwise. */
    static final String DEFAULT_CLUSTER = "radstream";
    /** Replicas per partition unless {@code --replicas} says otherwise: three survive one broker down with acks=all. */
    static final int DEFAULT_REPLICAS = 3;

    /**
     * A consumer stage KEDA scales: its consumer group, the input topic whose lag it scales on, and the lag per
     * replica KEDA aims at. The group is the stage name: the default {@code --group} of the consumer-loop stages
     * (StageSettings) and the {@code application.id} of the Kafka Streams stages (ClientProperties.streams).
     *
     * @param stage        stage name, also the Deployment's suffix ({@code radstream-<stage>})
     * @param input        the topic the stage's work arrives on
     * @param lagThreshold target records of lag per replica: small where one record is seconds of work
     */
    record ScaledStage(String stage, TopicSpec input, int lagThreshold) {
        String group() {
            return stage;
        }
    }

    /**
     * The stages KEDA scales, in pipeline order. Not here: ingestion (not a consumer; its C-STORE SCP assembles a
     * study in one process, so it runs as a single replica) and training (one trainer sees every labelled case;
     * a second instance would train the same model twice).
     */
    static final List<ScaledStage> SCALED_STAGES = List.of(
            new ScaledStage("preprocessing", Topics.STUDIES_RECEIVED, 2),
            new ScaledStage("feature-extraction", Topics.ROIS_PREPROCESSED, 10),
            new ScaledStage("quality-gate", Topics.FEATURES_EXTRACTED, 100),
            new ScaledStage("inference", Topics.FEATURES_CASE, 20),
            new ScaledStage("reporting", Topics.RISK_SCORES, 10));

    @Command(name = "kafka-topics", mixinStandardHelpOptions = true,
            description = "Strimzi KafkaTopic resources (kafka.strimzi.io/v1beta2) for every topic of the catalogue.")
    static final class KafkaTopics implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--cluster", paramLabel = "NAME", defaultValue = DEFAULT_CLUSTER,
                description = "Strimzi Kafka cluster name, the strimzi.io/cluster label (default ${DEFAULT-VALUE}).")
        String cluster;

        @Option(names = "--replicas", paramLabel = "R", defaultValue = "" + DEFAULT_REPLICAS,
                description = "Replicas per partition (default ${DEFAULT-VALUE}); min.insync.replicas is R-1 (at least 1).")
        int replicas;

        @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + Topics.DEFAULT_PARTITIONS,
                description = "Partitions of the caseId-keyed topics (default ${DEFAULT-VALUE}).")
        int partitions;

        @Option(names = "--namespace", paramLabel = "NS",
                description = "metadata.namespace of every resource (default: none; kustomize sets it).")
        String namespace;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (replicas < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--replicas must be >= 1, got " + replicas);
            }
            if (partitions < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must be >= 1, got " + partitions);
            }
            if (cluster.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--cluster must not be blank");
            }
            return write(spec, out, kafkaTopicsYaml(Topics.withCasePartitions(partitions), cluster, replicas, namespace));
        }
    }

    @Command(name = "scaled-objects", mixinStandardHelpOptions = true,
            description = {"KEDA ScaledObjects (keda.sh/v1alpha1), one per scaled consumer stage, on its group's lag.",
                "The brokers come from the stage container's RADSTREAM_BOOTSTRAP_SERVERS (bootstrapServersFromEnv)."})
    static final class ScaledObjects implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + Topics.DEFAULT_PARTITIONS,
                description = "Partitions of the caseId-keyed topics (default ${DEFAULT-VALUE}): the replica ceiling.")
        int partitions;

        @Option(names = "--namespace", paramLabel = "NS",
                description = "metadata.namespace of every resource (default: none; kustomize sets it).")
        String namespace;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (partitions < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must be >= 1, got " + partitions);
            }
            return write(spec, out, scaledObjectsYaml(partitions, namespace));
        }
    }

    private DeployCommand() {
    }

    private static int write(CommandSpec spec, Path out, String yaml) throws IOException {
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(yaml);
            w.flush();
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, yaml, StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("wrote " + out);
        }
        return 0;
    }

    /** Kubernetes name of a topic's resource: the topic name with dots as dashes (the real name is spec.topicName). */
    static String resourceName(TopicSpec t) {
        return t.name().replace('.', '-');
    }

    /** The KafkaTopic documents, in catalogue order, as one multi-document YAML stream. */
    static String kafkaTopicsYaml(List<TopicSpec> topics, String cluster, int replicas, String namespace) {
        StringBuilder y = new StringBuilder();
        y.append("# Generated by `radstream deploy kafka-topics` from org.radstream.streaming.topics.Topics: do not edit;\n")
                .append("# regenerate (DeployCommandTest fails while this file differs from the catalogue).\n");
        int minIsr = Math.max(1, replicas - 1);
        for (TopicSpec t : topics) {
            y.append("---\n")
                    .append("apiVersion: kafka.strimzi.io/v1beta2\n")
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ").append(resourceName(t)).append('\n');
            if (namespace != null) {
                y.append("  namespace: ").append(namespace).append('\n');
            }
            y.append("  labels:\n")
                    .append("    strimzi.io/cluster: ").append(cluster).append('\n')
                    .append("    app.kubernetes.io/part-of: radstream\n")
                    .append("  annotations:\n")
                    .append("    radstream.org/purpose: ").append(quoted(t.purpose())).append('\n')
                    .append("    radstream.org/value-schema: ").append(t.valueSchemaName()).append('\n')
                    .append("spec:\n")
                    .append("  topicName: ").append(t.name()).append('\n')
                    .append("  partitions: ").append(t.partitions()).append('\n')
                    .append("  replicas: ").append(replicas).append('\n')
                    .append("  config:\n");
            // the catalogue's own settings, then the durability floor that goes with acks=all producers
            for (Map.Entry<String, String> c : new java.util.TreeMap<>(t.topicConfigs()).entrySet()) {
                y.append("    ").append(c.getKey()).append(": ").append(quoted(c.getValue())).append('\n');
            }
            y.append("    min.insync.replicas: ").append(quoted(Integer.toString(minIsr))).append('\n');
        }
        return y.toString();
    }

    /** The ScaledObject documents for {@link #SCALED_STAGES} with caseId topics of {@code partitions} partitions. */
    static String scaledObjectsYaml(int partitions, String namespace) {
        List<TopicSpec> catalogue = Topics.withCasePartitions(partitions);
        StringBuilder y = new StringBuilder();
        y.append("# Generated by `radstream deploy scaled-objects` from DeployCommand.SCALED_STAGES and the topic catalogue:\n")
                .append("# do not edit; regenerate (DeployCommandTest fails while this file differs).\n");
        for (ScaledStage s : SCALED_STAGES) {
            TopicSpec input = catalogue.stream().filter(t -> t.name().equals(s.input().name())).findFirst().orElseThrow();
            y.append("---\n")
                    .append("apiVersion: keda.sh/v1alpha1\n")
                    .append("kind: ScaledObject\n")
                    .append("metadata:\n")
                    .append("  name: radstream-").append(s.stage()).append('\n');
            if (namespace != null) {
                y.append("  namespace: ").append(namespace).append('\n');
            }
            y.append("  labels:\n")
                    .append("    app.kubernetes.io/name: radstream\n")
                    .append("    app.kubernetes.io/component: ").append(s.stage()).append('\n')
                    .append("    app.kubernetes.io/part-of: radstream\n")
                    .append("spec:\n")
                    .append("  scaleTargetRef:\n")
                    .append("    name: radstream-").append(s.stage()).append('\n')
                    .append("  pollingInterval: 15\n")
                    // a rebalance costs a Streams app its task state: scale down only after five quiet minutes
                    .append("  cooldownPeriod: 300\n")
                    .append("  minReplicaCount: 1\n")
                    .append("  maxReplicaCount: ").append(input.partitions()).append('\n')
                    .append("  advanced:\n")
                    .append("    horizontalPodAutoscalerConfig:\n")
                    .append("      behavior:\n")
                    .append("        scaleDown:\n")
                    .append("          stabilizationWindowSeconds: 300\n")
                    .append("  triggers:\n")
                    .append("    - type: kafka\n")
                    .append("      metadata:\n")
                    .append("        bootstrapServersFromEnv: RADSTREAM_BOOTSTRAP_SERVERS\n")
                    .append("        consumerGroup: ").append(s.group()).append('\n')
                    .append("        topic: ").append(input.name()).append('\n')
                    .append("        lagThreshold: ").append(quoted(Integer.toString(s.lagThreshold()))).append('\n')
                    // our consumers start a new group at the earliest offset: count the whole backlog
                    .append("        offsetResetPolicy: earliest\n")
                    .append("        allowIdleConsumers: \"false\"\n")
                    // the scaler's Kafka client speaks protocol 1.0.0 unless told otherwise, and Kafka 4 brokers
                    // refuse requests older than 2.1 (KIP-896); 2.8.0 is one the scaler's client library knows
                    .append("        version: \"2.8.0\"\n");
        }
        return y.toString();
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
