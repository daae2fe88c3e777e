package org.radstream.streaming.lag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What {@code radstream lag} prints: for each group its newest sample and its evaluation over the window,
 * as a text table or as one JSON document.
 */
public record LagReport(Instant sampledAt, List<GroupReport> groups) {

    /** One group: the newest sample and the status over the window. */
    public record GroupReport(GroupSample latest, GroupEvaluation evaluation) {
    }

    public LagReport {
        groups = List.copyOf(groups);
    }

    /** The report of a window: each group's newest sample evaluated over its samples. */
    public static LagReport of(LagWindow window, Instant sampledAt) {
        List<GroupReport> gs = new ArrayList<>();
        window.groups().forEach((g, samples) ->
                gs.add(new GroupReport(samples.get(samples.size() - 1), LagEvaluator.evaluate(samples))));
        return new LagReport(sampledAt, gs);
    }

    /** Human-readable table, one block per group. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        if (groups.isEmpty()) {
            return "no consumer groups\n";
        }
        String row = "  %-44s %9s %12s %12s %10s %10s%n";
        for (GroupReport r : groups) {
            GroupSample s = r.latest();
            sb.append(String.format(Locale.ROOT, "group %s  %s  members=%d state=%s  lag=%d records, %s  (%s)%n",
                    s.groupId(), r.evaluation().status(), s.members(), s.state(), s.totalLag(),
                    duration(s.maxLagMillis()), r.evaluation().reason()));
            sb.append(String.format(Locale.ROOT, row, "TOPIC", "PARTITION", "COMMITTED", "END", "LAG", "LAG-TIME"));
            for (PartitionLag p : s.partitions()) {
                sb.append(String.format(Locale.ROOT, row, p.topic(), p.partition(),
                        p.committedOffset() == null ? "-" : p.committedOffset(), p.endOffset(),
                        p.lag() == null ? "-" : p.lag(), p.lagMillis() == null ? "-" : duration(p.lagMillis())));
            }
        }
        return sb.toString();
    }

    /** One JSON document (lag times in milliseconds; null where unknown). */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sampledAt", sampledAt.toString());
        List<Map<String, Object>> gs = new ArrayList<>();
        for (GroupReport r : groups) {
            GroupSample s = r.latest();
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("group", s.groupId());
            g.put("status", r.evaluation().status().name());
            g.put("reason", r.evaluation().reason());
            g.put("samples", r.evaluation().samples());
            g.put("state", s.state());
            g.put("members", s.members());
            g.put("totalLag", s.totalLag());
            g.put("maxLagMillis", s.maxLagMillis());
            List<Map<String, Object>> ps = new ArrayList<>();
            for (PartitionLag p : s.partitions()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("topic", p.topic());
                m.put("partition", p.partition());
                m.put("committedOffset", p.committedOffset());
                m.put("endOffset", p.endOffset());
                m.put("lag", p.lag());
                m.put("lagMillis", p.lagMillis());
                ps.add(m);
            }
            g.put("partitions", ps);
            gs.add(g);
        }
        root.put("groups", gs);
        try {
            return new ObjectMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write lag report as JSON", e);
        }
    }

    /** 850ms, 12.3s, 4m05s, 2h03m, 3d04h. */
    static String duration(long ms) {
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", s / 86_400, (s % 86_400) / 3600);
    }
}
