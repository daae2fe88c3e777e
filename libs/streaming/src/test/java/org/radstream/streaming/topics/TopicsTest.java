package org.radstream.streaming.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void elevenTopicsOfDesignSection2WithVersionedNames() {
        List<String> names = Topics.ALL.stream().map(TopicSpec::name).toList();
        assertEquals(List.of("radstream.studies.received.v1", "radstream.clinical.v1", "radstream.outcomes.v1",
                "radstream.rois.preprocessed.v1", "radstream.features.extracted.v1",
                "radstream.quality.stable-features.v1", "radstream.features.case.v1", "radstream.models.v1",
                "radstream.risk.scores.v1", "radstream.reports.v1", "radstream.dlq.v1"), names);
        assertEquals(names.size(), new HashSet<>(names).size(), "duplicate topic name");
    }

    @Test
    void caseIdTopicsAreCoPartitioned() {
        Set<Integer> counts = Topics.ALL.stream().filter(t -> t.key() == KeyKind.CASE_ID)
                .map(TopicSpec::partitions).collect(Collectors.toSet());
        assertEquals(Set.of(Topics.DEFAULT_PARTITIONS), counts);
        assertEquals(6, Topics.DEFAULT_PARTITIONS);
        Set<Integer> resized = Topics.withCasePartitions(12).stream().filter(t -> t.key() == KeyKind.CASE_ID)
                .map(TopicSpec::partitions).collect(Collectors.toSet());
        assertEquals(Set.of(12), resized);
    }

    @Test
    void compactedTopicsAreTheFourTables() {
        Set<String> compacted = Topics.ALL.stream().filter(t -> t.cleanupPolicy() == CleanupPolicy.COMPACT)
                .map(TopicSpec::name).collect(Collectors.toSet());
        assertEquals(Set.of(Topics.CLINICAL.name(), Topics.OUTCOMES.name(), Topics.QUALITY_STABLE_FEATURES.name(),
                Topics.MODELS.name()), compacted);
        for (TopicSpec t : Topics.ALL) {
            if (t.cleanupPolicy() == CleanupPolicy.COMPACT) {
                assertEquals("-1", t.topicConfigs().get("retention.ms"), t.name());
                assertTrue(t.topicConfigs().containsKey("min.compaction.lag.ms"), t.name());
            }
        }
    }

    @Test
    void dlqKeepsFailuresLongerThanCaseEvents() {
        assertTrue(Topics.DLQ.retentionMs() > Topics.STUDIES_RECEIVED.retentionMs());
        assertEquals("delete", Topics.DLQ.topicConfigs().get("cleanup.policy"));
        assertEquals("radstream.dlq.v1-value", Topics.DLQ.valueSubject());
        assertEquals("DeadLetter", Topics.DLQ.valueSchemaName());
    }

    @Test
    void badSpecsAreRejectedNamingTheTopic() {
        var e = assertThrows(IllegalArgumentException.class, () -> Topics.STUDIES_RECEIVED.withPartitions(0));
        assertTrue(e.getMessage().contains("radstream.studies.received.v1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Topics.withCasePartitions(0));
        assertEquals(Topics.MODELS, Topics.byName("radstream.models.v1").orElseThrow());
    }
}
