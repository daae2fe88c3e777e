package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunCommandTest {

    @Test
    void unknownStageIsABadUsageNamingTheStages() {
        CliRun r = CliRun.of("run", "nope");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown stage 'nope'; stages: ingestion"), r.err());
    }

    @Test
    void flagsAfterTheStageGoToTheStage() {
        // the stage's own parser answers: an unknown flag of the ingestion stage is its bad usage (exit 2)
        assertEquals(2, CliRun.of("run", "ingestion", "--no-such-flag", "x").exitCode());
        assertEquals(0, CliRun.of("run", "ingestion", "--help").exitCode());
    }

    @Test
    void ingestNeedsAnExistingFolder() {
        CliRun r = CliRun.of("ingest", "--folder", "/nonexistent/radstream");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--folder /nonexistent/radstream: not a directory"), r.err());
    }
}
