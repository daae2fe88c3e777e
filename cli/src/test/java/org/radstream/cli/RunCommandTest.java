package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.radstream.streaming.stage.StageDefinition;
import org.radstream.streaming.stage.StageFlag;

class RunCommandTest {

    static final List<String> PIPELINE = List.of("ingestion", "preprocessing", "feature-extraction", "quality-gate",
            "training", "inference", "reporting");

    @Test
    void everyStageOfThePipelineCanBeRun() {
        assertEquals(PIPELINE, List.copyOf(RunCommand.STAGES.keySet()));
    }

    @Test
    void unknownStageIsABadUsageNamingTheStages() {
        CliRun r = CliRun.of("run", "nope");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown stage 'nope'; stages: " + String.join(", ", PIPELINE)), r.err());
    }

    @Test
    void everyStagesHelpListsItsFlags() {
        for (StageDefinition d : RunCommand.STAGES.values()) {
            CliRun r = CliRun.of("run", d.name(), "--help");
            assertEquals(0, r.exitCode(), d.name() + ": " + r.err());
            assertTrue(r.out().startsWith("usage: " + d.name()), r.out());
            for (String connection : List.of("--bootstrap", "--registry", "--config")) {
                assertTrue(r.out().contains(connection), d.name() + " lacks " + connection + ":\n" + r.out());
            }
            for (StageFlag f : StageFlag.COMMON) {
                assertTrue(r.out().contains(f.flag()) && r.out().contains(f.envVar(d.name())),
                        d.name() + " lacks " + f.flag() + ":\n" + r.out());
            }
            for (StageFlag f : d.flags()) {
                assertTrue(r.out().contains(f.secret() ? "(env only)" : f.flag()) && r.out().contains(f.envVar(d.name())),
                        d.name() + " lacks " + f.flag() + ":\n" + r.out());
            }
        }
        CliRun gate = CliRun.of("run", "quality-gate", "--help");
        assertTrue(gate.out().contains("--icc-form") && gate.out().contains("--min-pairs") && gate.out().contains("--state-dir"), gate.out());
        CliRun inference = CliRun.of("run", "inference", "--help");
        assertTrue(inference.out().contains("--model-name") && inference.out().contains("--clinical-wait-s"), inference.out());
    }

    @Test
    void flagsAfterTheStageGoToTheStage() {
        // the stage's own parser answers: an unknown flag is its bad usage (exit 2), named on the error stream
        CliRun r = CliRun.of("run", "ingestion", "--no-such-flag", "x");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("ingestion: unknown argument --no-such-flag"), r.err());
        r = CliRun.of("run", "quality-gate", "--min-pairs", "1");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--min-pairs (from flag --min-pairs): 1 is outside 2.."), r.err());
    }

    @Test
    void ingestNeedsAnExistingFolder() {
        CliRun r = CliRun.of("ingest", "--folder", "/nonexistent/radstream");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--folder /nonexistent/radstream: not a directory"), r.err());
    }
}
