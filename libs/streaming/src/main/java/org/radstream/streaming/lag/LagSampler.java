package org.radstream.streaming.lag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads consumer-group lag from a cluster with the Admin API, in records and in time.
 * <ul>
 *   <li>groups: {@code listGroups} (consumer groups) or the one asked for; state and members from
 *       {@code describeConsumerGroups};</li>
 *   <li>committed offsets: {@code listConsumerGroupOffsets}; partitions assigned to a member without a
 *       commit are listed with unknown lag;</li>
 *   <li>end offsets: {@code listOffsets(latest)};</li>
 *   <li>lag in time: the timestamp of the record at the committed offset (the oldest unconsumed one), read
 *       by a consumer <em>without</em> a group ({@code assign} + {@code seek}), so the measurement never
 *       joins, rebalances or commits for the group it measures.</li>
 * </ul>
 * Exactly-once producers leave a transaction marker after each transaction; a group that consumed
 * everything then sits one offset before the end. Such partitions (nothing but markers or aborted records
 * after the committed offset) are reported with lag 0, not 1, or every idle exactly-once stage would look
 * stuck. Markers between unconsumed records are still counted (lag in records may be slightly high under
 * exactly-once).
 */
public final class LagSampler implements AutoCloseable {

    /** Marks a committed offset after which only non-data offsets (transaction markers, aborted records) follow. */
    private static final long NO_DATA = Long.MIN_VALUE;

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final Clock clock;
    private final long timeoutMs;

    /**
     * @param admin            an open Admin client (not closed here)
     * @param clientProperties connection and security settings for the record reader (group.id is removed)
     * @param clock            "now" for lag in time
     * @param timeoutMs        bound of each cluster call and of the timestamp reads
     */
    public LagSampler(Admin admin, Properties clientProperties, Clock clock, long timeoutMs) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeoutMs = timeoutMs;
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // committed offset already deleted: oldest kept
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // what the pipeline's consumers see
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "65536");
        p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "radstream-lag-reader");
        this.reader = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * One sample of every consumer group, or of {@code group} only.
     *
     * @throws LagException when the group does not exist or the cluster does not answer in time
     */
    public List<GroupSample> sample(Optional<String> group) {
        List<String> groups = group.map(List::of).orElseGet(this::consumerGroups);
        if (groups.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions;
        try {
            descriptions = get(admin.describeConsumerGroups(groups).all(), "describe consumer groups " + groups);
        } catch (LagException e) {
            if (group.isPresent() && e.getCause() instanceof GroupIdNotFoundException) {
                throw new LagException("consumer group '" + group.get() + "' does not exist", e.getCause());
            }
            throw e;
        }
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (String g : groups) {
            Map<TopicPartition, OffsetAndMetadata> m = get(admin.listConsumerGroupOffsets(g).partitionsToOffsetAndMetadata(),
                    "list committed offsets of group " + g);
            committed.put(g, m);
        }
        if (group.isPresent() && descriptions.get(group.get()).members().isEmpty()
                && committed.get(group.get()).isEmpty()
                && "DEAD".equals(descriptions.get(group.get()).groupState().name())) {
            throw new LagException("consumer group '" + group.get() + "' does not exist", null);
        }

        Set<TopicPartition> all = new HashSet<>();
        Map<String, Set<TopicPartition>> partitionsOf = new HashMap<>();
        for (String g : groups) {
            Set<TopicPartition> ps = new TreeSet<>(Comparator.comparing(TopicPartition::topic)
                    .thenComparingInt(TopicPartition::partition));
            committed.get(g).forEach((tp, o) -> ps.add(tp));
            for (MemberDescription m : descriptions.get(g).members()) {
                ps.addAll(m.assignment().topicPartitions());
            }
            partitionsOf.put(g, ps);
            all.addAll(ps);
        }
        Map<TopicPartition, Long> end = endOffsets(all);
        Instant now = clock.instant();

        // the record at each lagging committed offset, read once even when several groups share it
        Map<TopicPartition, Map<Long, Long>> timestamps = new HashMap<>();
        List<GroupSample> out = new ArrayList<>();
        for (String g : groups) {
            for (TopicPartition tp : partitionsOf.get(g)) {
                OffsetAndMetadata o = committed.get(g).get(tp);
                if (o != null && end.containsKey(tp) && end.get(tp) > o.offset()) {
                    timestamps.computeIfAbsent(tp, k -> new HashMap<>()).put(o.offset(), null);
                }
            }
        }
        readTimestamps(timestamps, end);

        for (String g : groups) {
            ConsumerGroupDescription d = descriptions.get(g);
            List<PartitionLag> lags = new ArrayList<>();
            for (TopicPartition tp : partitionsOf.get(g)) {
                OffsetAndMetadata o = committed.get(g).get(tp);
                long endOffset = end.getOrDefault(tp, -1L);
                if (o == null) {
                    lags.add(new PartitionLag(tp.topic(), tp.partition(), null, endOffset, null, null));
                    continue;
                }
                long lag = Math.max(0, endOffset - o.offset());
                Long lagMs = 0L;
                if (lag > 0) {
                    Long ts = timestamps.getOrDefault(tp, Map.of()).get(o.offset());
                    if (ts != null && ts == NO_DATA) {
                        lag = 0; // only a transaction marker (exactly-once producers) after the committed offset
                    } else {
                        lagMs = ts == null ? null : Math.max(0, now.toEpochMilli() - ts);
                    }
                }
                lags.add(new PartitionLag(tp.topic(), tp.partition(), o.offset(), endOffset, lag, lagMs));
            }
            out.add(new GroupSample(g, d.groupState().name(), d.members().size(), now, lags));
        }
        return out;
    }

    private List<String> consumerGroups() {
        Collection<GroupListing> listings = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all(),
                "list consumer groups");
        return listings.stream().map(GroupListing::groupId).sorted().toList();
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
        partitions.forEach(tp -> spec.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r = get(admin.listOffsets(spec).all(),
                "list end offsets");
        Map<TopicPartition, Long> m = new HashMap<>();
        r.forEach((tp, info) -> m.put(tp, info.offset()));
        return m;
    }

    /**
     * Fills {@code wanted[tp][offset]} with the timestamp of the first record at or after {@code offset}
     * (records below it may have been compacted or deleted; the first one found is the oldest unconsumed),
     * or with {@link #NO_DATA} when there is no record between {@code offset} and the end offset: only
     * transaction markers or aborted records, which no consumer will ever receive.
     */
    private void readTimestamps(Map<TopicPartition, Map<Long, Long>> wanted, Map<TopicPartition, Long> end) {
        // each (partition, offset) pair is read by seeking there; pairs of one partition are read one after another
        Map<TopicPartition, java.util.Deque<Long>> todo = new HashMap<>();
        wanted.forEach((tp, offsets) -> todo.put(tp, new java.util.ArrayDeque<>(new TreeSet<>(offsets.keySet()))));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!todo.isEmpty() && System.nanoTime() < deadline) {
            reader.assign(todo.keySet());
            todo.forEach((tp, q) -> reader.seek(tp, q.peekFirst()));
            Set<TopicPartition> answered = new HashSet<>();
            while (answered.size() < todo.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(100))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    var q = todo.get(tp);
                    if (q == null || answered.contains(tp) || r.offset() < q.peekFirst()) {
                        continue;
                    }
                    wanted.get(tp).put(q.pollFirst(), r.timestamp());
                    answered.add(tp);
                }
                for (TopicPartition tp : todo.keySet()) {
                    // read_committed skips markers and aborted records: reaching the end means nothing to consume
                    if (!answered.contains(tp) && reader.position(tp) >= end.get(tp)) {
                        wanted.get(tp).put(todo.get(tp).pollFirst(), NO_DATA);
                        answered.add(tp);
                    }
                }
                reader.pause(answered);
            }
            reader.resume(reader.paused());
            todo.values().removeIf(java.util.Deque::isEmpty);
        }
        reader.assign(List.of());
    }

    private <T> T get(KafkaFuture<T> f, String what) {
        try {
            return f.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LagException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new LagException("cannot " + what + ": no answer from the cluster within " + timeoutMs
                    + " ms (is the broker reachable?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LagException("interrupted while trying to " + what, e);
        }
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(5));
    }

    /** Lag could not be read. */
    public static final class LagException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LagException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
