package org.radstream.streaming.lag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status of a consumer group over a sliding window of {@link GroupSample}s, in the spirit of Burrow's
 * consumer lag evaluation rules (github.com/linkedin/Burrow/wiki/Consumer-Lag-Evaluation-Rules), without
 * thresholds. Per partition, over the window (oldest to newest):
 * <ol>
 *   <li>if any sample has lag 0, the partition is OK (the consumer caught up at some point);</li>
 *   <li>if the committed offset is the same in every sample (and lag &gt; 0 throughout), it is ERR (stalled);</li>
 *   <li>if the committed offset moved but the lag never decreased from one sample to the next and ended
 *       higher than it started, it is WARN (falling behind);</li>
 *   <li>otherwise OK.</li>
 * </ol>
 * The group is STOPPED when it has no active member in the newest sample (Burrow infers "stopped" from
 * commit timestamps; the group coordinator tells us directly). Otherwise its status is the worst partition
 * status. Partitions without a committed offset (lag unknown) are not evaluated. ERR and WARN need at least
 * two samples: one sample can only say OK or STOPPED.
 *
 * <p>Deviation from Burrow: a fixed (non-growing) lag with moving offsets is OK here, WARN in Burrow.
 */
public final class LagEvaluator {

    private LagEvaluator() {
    }

    /** @param window samples of one group, oldest first; not empty */
    public static GroupEvaluation evaluate(List<GroupSample> window) {
        if (window.isEmpty()) {
            throw new IllegalArgumentException("no samples to evaluate");
        }
        GroupSample newest = window.get(window.size() - 1);
        int n = window.size();
        if (newest.members() == 0) {
            return new GroupEvaluation(LagStatus.STOPPED, "no active member (group state " + newest.state() + ")", n);
        }
        Map<String, List<PartitionLag>> history = new LinkedHashMap<>();
        for (GroupSample s : window) {
            for (PartitionLag p : s.partitions()) {
                history.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
            }
        }
        GroupEvaluation warn = null;
        for (var e : history.entrySet()) {
            List<PartitionLag> h = e.getValue().stream().filter(p -> p.lag() != null).toList();
            if (h.size() < 2 || h.stream().anyMatch(p -> p.lag() == 0)) {
                continue; // rule 1 (or too little history to judge)
            }
            PartitionLag first = h.get(0);
            PartitionLag last = h.get(h.size() - 1);
            boolean offsetMoved = h.stream().map(PartitionLag::committedOffset).distinct().count() > 1;
            if (!offsetMoved) {
                return new GroupEvaluation(LagStatus.ERR, "committed offset stuck at " + last.committedOffset()
                        + " with lag " + last.lag() + " over " + h.size() + " samples (" + e.getKey() + ")", n);
            }
            boolean neverDecreased = true;
            for (int i = 1; i < h.size(); i++) {
                neverDecreased &= h.get(i).lag() >= h.get(i - 1).lag();
            }
            if (warn == null && neverDecreased && last.lag() > first.lag()) {
                warn = new GroupEvaluation(LagStatus.WARN, "lag grew from " + first.lag() + " to " + last.lag()
                        + " over " + h.size() + " samples while consuming (" + e.getKey() + ")", n);
            }
        }
        if (warn != null) {
            return warn;
        }
        return new GroupEvaluation(LagStatus.OK, n < 2 ? "one sample: only STOPPED can be told" : "keeping up", n);
    }
}
