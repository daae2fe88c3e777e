package org.radstream.streaming.dlq;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Dead letters written, per (stage, reason). Thread-safe; one instance per process, shared by the DLQ
 * writer and the Kafka Streams handlers, read by health/metrics endpoints.
 */
public final class DeadLetterCounts {

    /** Counter key. */
    public record Key(String stage, ReasonCode reason) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = stage.compareTo(o.stage);
            return c != 0 ? c : reason.compareTo(o.reason);
        }
    }

    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

    public void increment(String stage, ReasonCode reason) {
        counts.computeIfAbsent(new Key(stage, reason), k -> new LongAdder()).increment();
    }

    public long get(String stage, ReasonCode reason) {
        LongAdder a = counts.get(new Key(stage, reason));
        return a == null ? 0 : a.sum();
    }

    /** A sorted copy of all non-zero counts. */
    public Map<Key, Long> snapshot() {
        Map<Key, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
