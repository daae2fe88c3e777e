package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radstream.streaming.topics.Topics;

class TopicsCommandTest {

    @Test
    void listPrintsOneRowPerCatalogueTopic() {
        CliRun r = CliRun.of("topics", "list");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(1 + Topics.ALL.size(), lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("TOPIC"), lines.get(0));
        assertTrue(lines.get(2).matches("radstream\\.clinical\\.v1\\s+caseId\\s+6\\s+compact\\s+forever\\s+1h\\s+ClinicalRecord"),
                lines.get(2));
        assertTrue(lines.get(11).matches("radstream\\.dlq\\.v1\\s+caseId\\s+6\\s+delete\\s+365d\\s+-\\s+DeadLetter"),
                lines.get(11));
    }

    @Test
    void listWithPartitionsResizesTheCaseTopicsOnly() {
        CliRun r = CliRun.of("topics", "list", "--partitions", "12");
        assertTrue(r.out().lines().anyMatch(l -> l.matches("radstream\\.features\\.case\\.v1\\s+caseId\\s+12\\s.*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("radstream\\.models\\.v1\\s+model name\\s+1\\s.*")), r.out());
    }

    @Test
    void humanDurations() {
        assertEquals("30d", TopicsCommand.human(Duration.ofDays(30)));
        assertEquals("1h", TopicsCommand.human(Duration.ofHours(1)));
        assertEquals("90m", TopicsCommand.human(Duration.ofMinutes(90)));
        assertEquals("61s", TopicsCommand.human(Duration.ofSeconds(61)));
    }

    @Test
    void badPartitionsIsAUsageError() {
        CliRun r = CliRun.of("topics", "create", "--bootstrap", "127.0.0.1:1", "--partitions", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--partitions must be >= 1, got 0"), r.err());
    }
}
