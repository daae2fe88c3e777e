package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortCommandTest {

    @TempDir
    Path tmp;

    @Test
    void generatesASmallCohort() throws IOException {
        Path out = tmp.resolve("cohort");
        CliRun r = CliRun.of("cohort", "generate", "--patients", "4", "--er", "2", "--seed", "3", "--slices", "8",
                "--reader-b", "1", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("wrote 4 patients (2 with early recurrence), 20 MR series"), r.out());
        assertTrue(r.out().contains("oracle AUC of the latent risk"), r.out());
        List<String> cases = Files.readAllLines(out.resolve("cases.csv"));
        assertEquals(1 + 4 * 5, cases.size());
        for (String f : List.of("clinical.csv", "outcomes.csv", "generator.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(8, Files.list(out.resolve("patients/RS-0001/DP")).count());

        // a second run into the same directory is refused unless --overwrite
        CliRun again = CliRun.of("cohort", "generate", "--patients", "4", "--er", "2", "--out", out.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("is not empty"), again.err());
        CliRun overwrite = CliRun.of("cohort", "generate", "--patients", "3", "--er", "1", "--slices", "8", "--reader-b", "0",
                "--out", out.toString(), "--overwrite");
        assertEquals(0, overwrite.exitCode(), overwrite.err());
        assertEquals(1 + 3 * 5, Files.readAllLines(out.resolve("cases.csv")).size());
        assertTrue(Files.notExists(out.resolve("patients/RS-0004")));
    }

    @Test
    void badArgumentsAreReported() {
        CliRun r = CliRun.of("cohort", "generate", "--patients", "5", "--er", "5", "--out", tmp.resolve("x").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("earlyRecurrences must be in 1..4"), r.err());
    }
}
