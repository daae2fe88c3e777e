package org.radstream.streaming.lag;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One observation of a consumer group: its state, members and per-partition lag at {@code sampledAt}.
 *
 * @param groupId    consumer group id
 * @param state      group state as the coordinator reports it (STABLE, EMPTY, DEAD, ...)
 * @param members    number of active members
 * @param sampledAt  when the offsets were read ("now" for lag in time)
 * @param partitions per-partition lag, sorted by topic and partition
 */
public record GroupSample(String groupId, String state, int members, Instant sampledAt, List<PartitionLag> partitions) {

    public GroupSample {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(sampledAt, "sampledAt");
        partitions = List.copyOf(partitions);
    }

    /** Sum of the known per-partition lags, in records. */
    public long totalLag() {
        return partitions.stream().filter(p -> p.lag() != null).mapToLong(PartitionLag::lag).sum();
    }

    /** The largest known lag in time (the group's oldest unconsumed record), 0 when none. */
    public long maxLagMillis() {
        return partitions.stream().filter(p -> p.lagMillis() != null).mapToLong(PartitionLag::lagMillis).max().orElse(0);
    }
}
