package org.radstream.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;
import org.radstream.streaming.topics.TopicAdmin;
import org.radstream.streaming.topics.TopicCheck;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radstream topics list|create}: the topic catalogue, and creating it on a cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "The topic catalogue: list it, or create it on a cluster.",
        subcommands = {TopicsCommand.ListTopics.class, TopicsCommand.Create.class})
final class TopicsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print the catalogue: name, key, partitions, cleanup policy, retention, value schema.")
    static final class ListTopics implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the caseId-keyed topics "
                + "(default ${DEFAULT-VALUE}).", defaultValue = "" + Topics.DEFAULT_PARTITIONS)
        int partitions;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<TopicSpec> topics = Topics.withCasePartitions(partitions);
            String fmt = "%-40s %-10s %10s %-8s %-10s %-14s %s%n";
            out.printf(fmt, "TOPIC", "KEY", "PARTITIONS", "CLEANUP", "RETENTION", "MIN-COMP-LAG", "VALUE");
            for (TopicSpec t : topics) {
                out.printf(fmt, t.name(), t.key().description(), t.partitions(), t.cleanupPolicy().kafkaValue(),
                        t.retention() == null ? "forever" : human(t.retention()),
                        t.minCompactionLag() == null ? "-" : human(t.minCompactionLag()), t.valueSchemaName());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create the catalogue's topics on a cluster. Idempotent: missing topics are created,",
                "existing ones are checked (partition count, cleanup policy) and never altered or deleted.",
                "Exit 1 when an existing topic differs from the catalogue."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the caseId-keyed topics "
                + "(default ${DEFAULT-VALUE}); the same for all of them, for co-partitioned joins.",
                defaultValue = "" + Topics.DEFAULT_PARTITIONS)
        int partitions;

        @Option(names = "--replication-factor", paramLabel = "R", defaultValue = "-1",
                description = "Replication factor of topics created now (default: the broker's default.replication.factor).")
        short replicationFactor;

        @Override
        public Integer call() {
            if (partitions < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--partitions must be >= 1, got " + partitions);
            }
            if (replicationFactor == 0 || replicationFactor < -1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--replication-factor must be >= 1, got " + replicationFactor);
            }
            var config = connection.load();
            PrintWriter out = spec.commandLine().getOut();
            List<TopicCheck> checks;
            try (Admin admin = Admin.create(ConnectionOptions.adminProperties(config))) {
                checks = new TopicAdmin(admin, ConnectionOptions.ADMIN_TIMEOUT_MS)
                        .ensure(Topics.withCasePartitions(partitions), replicationFactor);
            }
            int created = 0;
            int found = 0;
            int mismatched = 0;
            for (TopicCheck c : checks) {
                switch (c.outcome()) {
                    case CREATED -> {
                        created++;
                        out.printf("created   %s%n", c.topic());
                    }
                    case EXISTS -> {
                        found++;
                        out.printf("exists    %s%n", c.topic());
                    }
                    case MISMATCH -> {
                        mismatched++;
                        out.printf("MISMATCH  %s: %s%n", c.topic(), String.join("; ", c.problems()));
                    }
                }
            }
            out.printf("%d topics on %s: %d created, %d already existed, %d mismatched%n",
                    checks.size(), config.bootstrapServers(), created, found, mismatched);
            if (mismatched > 0) {
                out.println("mismatched topics were left unchanged; fix them by hand (radstream never deletes topics)");
            }
            out.flush();
            return mismatched > 0 ? 1 : 0;
        }
    }

    /** 30d, 12h, 15m, 45s: the largest whole unit. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        } else if (s % 3600 == 0) {
            return s / 3600 + "h";
        } else if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
