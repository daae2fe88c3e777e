package org.radstream.streaming.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalogue's topics on any cluster, idempotently: missing topics are created; existing ones
 * are checked for partition count and cleanup policy and reported as {@link TopicCheck.Outcome#MISMATCH}
 * when they differ (a different partition count breaks co-partitioning, a different cleanup policy loses
 * data or keeps it forever). Never deletes or alters an existing topic: that is an operator's decision.
 */
public final class TopicAdmin {

    private final Admin admin;
    private final long timeoutMs;

    /** @param admin an open Admin client (not closed here); {@code timeoutMs} bounds each Admin call */
    public TopicAdmin(Admin admin, long timeoutMs) {
        this.admin = Objects.requireNonNull(admin, "admin");
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("timeoutMs must be > 0, got " + timeoutMs);
        }
        this.timeoutMs = timeoutMs;
    }

    /**
     * Ensures every topic exists with its catalogue settings.
     *
     * @param topics            the specs (usually {@link Topics#ALL} or {@link Topics#withCasePartitions})
     * @param replicationFactor replication factor for topics created now; {@code -1} = broker default
     * @return one check per topic, in the given order
     */
    public List<TopicCheck> ensure(Collection<TopicSpec> topics, short replicationFactor) {
        Set<String> existing = call("list topics", () -> admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS));
        Map<String, TopicCheck> result = new LinkedHashMap<>();
        List<TopicSpec> toCreate = new ArrayList<>();
        for (TopicSpec t : topics) {
            result.put(t.name(), null);
            if (!existing.contains(t.name())) {
                toCreate.add(t);
            }
        }
        Set<String> raced = new HashSet<>();
        if (!toCreate.isEmpty()) {
            List<NewTopic> newTopics = toCreate.stream()
                    .map(t -> new NewTopic(t.name(), java.util.Optional.of(t.partitions()),
                            replicationFactor < 0 ? java.util.Optional.empty() : java.util.Optional.of(replicationFactor))
                            .configs(t.topicConfigs()))
                    .toList();
            var futures = admin.createTopics(newTopics).values();
            for (TopicSpec t : toCreate) {
                try {
                    futures.get(t.name()).get(timeoutMs, TimeUnit.MILLISECONDS);
                    result.put(t.name(), new TopicCheck(t.name(), TopicCheck.Outcome.CREATED, List.of()));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        raced.add(t.name()); // created concurrently by someone else: verify it like any existing one
                    } else {
                        throw new TopicAdminException("cannot create topic " + t.name() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new TopicAdminException("creating topic " + t.name() + " did not finish within " + timeoutMs + " ms", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TopicAdminException("interrupted while creating topic " + t.name(), e);
                }
            }
        }
        List<String> created = result.values().stream().filter(Objects::nonNull).map(TopicCheck::topic).toList();
        awaitVisible(created);
        List<TopicSpec> toVerify = topics.stream()
                .filter(t -> existing.contains(t.name()) || raced.contains(t.name()))
                .toList();
        if (!toVerify.isEmpty()) {
            for (TopicCheck c : verify(toVerify)) {
                result.put(c.topic(), c);
            }
        }
        return List.copyOf(result.values());
    }

    /**
     * Waits until the broker serves metadata and configs of the topics just created: the controller acknowledges
     * a creation before every broker has applied it, and callers expect a created topic to be usable.
     */
    private void awaitVisible(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            try {
                admin.describeTopics(names).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
                admin.describeConfigs(resources).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new TopicAdminException("topics " + names + " were created but are not visible after "
                            + timeoutMs + " ms", notYet);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicAdminException("interrupted while waiting for new topics " + names, e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicAdminException("interrupted while waiting for new topics " + names, e);
            }
        }
    }

    private List<TopicCheck> verify(List<TopicSpec> specs) {
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions = call("describe topics",
                () -> admin.describeTopics(names).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS));
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = call("describe topic configs",
                () -> admin.describeConfigs(resources).all().get(timeoutMs, TimeUnit.MILLISECONDS));
        List<TopicCheck> checks = new ArrayList<>();
        for (TopicSpec t : specs) {
            List<String> problems = new ArrayList<>();
            int actualPartitions = descriptions.get(t.name()).partitions().size();
            if (actualPartitions != t.partitions()) {
                problems.add("has " + actualPartitions + " partitions, the catalogue wants " + t.partitions()
                        + (t.key() == KeyKind.CASE_ID ? " (caseId topics must be co-partitioned)" : ""));
            }
            ConfigEntry policy = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t.name())).get("cleanup.policy");
            String actualPolicy = policy == null ? "" : policy.value();
            if (!actualPolicy.equals(t.cleanupPolicy().kafkaValue())) {
                problems.add("has cleanup.policy=" + actualPolicy + ", the catalogue wants "
                        + t.cleanupPolicy().kafkaValue());
            }
            checks.add(new TopicCheck(t.name(),
                    problems.isEmpty() ? TopicCheck.Outcome.EXISTS : TopicCheck.Outcome.MISMATCH, problems));
        }
        return checks;
    }

    private interface AdminCall<T> {
        T get() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private <T> T call(String what, AdminCall<T> c) {
        try {
            return c.get();
        } catch (ExecutionException e) {
            throw new TopicAdminException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicAdminException("cannot " + what + ": no answer from the cluster within " + timeoutMs
                    + " ms (is the broker reachable?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicAdminException("interrupted while trying to " + what, e);
        }
    }

    /** A cluster call failed (unreachable, not authorised, ...). */
    public static final class TopicAdminException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TopicAdminException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
