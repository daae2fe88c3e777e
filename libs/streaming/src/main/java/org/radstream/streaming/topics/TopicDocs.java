package org.radstream.streaming.topics;

import java.time.Duration;

/** The topics table of {@code docs/topics.md}, generated from {@link Topics} (a test keeps the two equal). */
public final class TopicDocs {

    private TopicDocs() {
    }

    /** Markdown table: topic, key, value schema, partitions, cleanup, retention, min compaction lag, content. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| topic | key | value (Avro) | partitions | cleanup | retention | min. compaction lag | content |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (TopicSpec t : Topics.ALL) {
            sb.append("| `").append(t.name()).append("` | ").append(t.key().description()).append(" | ")
                    .append(t.valueSchemaName()).append(" | ").append(t.partitions()).append(" | ")
                    .append(t.cleanupPolicy().kafkaValue()).append(" | ")
                    .append(t.retention() == null ? "forever" : days(t.retention())).append(" | ")
                    .append(t.minCompactionLag() == null ? "—" : hours(t.minCompactionLag())).append(" | ")
                    .append(t.purpose()).append(" |\n");
        }
        return sb.toString();
    }

    private static String days(Duration d) {
        return d.toDays() + " d";
    }

    private static String hours(Duration d) {
        return d.toHours() + " h";
    }
}
