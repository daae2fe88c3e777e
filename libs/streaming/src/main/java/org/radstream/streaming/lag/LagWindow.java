package org.radstream.streaming.lag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The last {@code size} samples of each group (Burrow's sliding window), for {@link LagEvaluator}. Not thread-safe. */
public final class LagWindow {
    private final int size;
    private final Map<String, Deque<GroupSample>> samples = new LinkedHashMap<>();

    public LagWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("window size must be >= 1, got " + size);
        }
        this.size = size;
    }

    /** Adds one round of samples; groups absent from the round are forgotten (they were deleted). */
    public void add(List<GroupSample> round) {
        Map<String, Deque<GroupSample>> next = new LinkedHashMap<>();
        for (GroupSample s : round) {
            Deque<GroupSample> d = samples.getOrDefault(s.groupId(), new ArrayDeque<>());
            d.addLast(s);
            while (d.size() > size) {
                d.removeFirst();
            }
            next.put(s.groupId(), d);
        }
        samples.clear();
        samples.putAll(next);
    }

    /** Groups in the window, with their samples oldest first. */
    public Map<String, List<GroupSample>> groups() {
        Map<String, List<GroupSample>> m = new LinkedHashMap<>();
        samples.forEach((g, d) -> m.put(g, new ArrayList<>(d)));
        return m;
    }
}
