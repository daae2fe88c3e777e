package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.modeling.study.SyntheticStudy;

/** {@code radstream analyze} on a seeded synthetic study with real signal (generated in the test). */
class AnalyzeCommandTest {
    @TempDir
    Path dir;

    private CliRun analyze(SyntheticStudy.Files4 f, Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "--features", f.featuresA().toString(),
                "--features-reader-b", f.featuresB().toString(), "--clinical", f.clinical().toString(),
                "--outcomes", f.outcomes().toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void writesEveryOutputAndSameSeedGivesSameNumbers() throws Exception {
        SyntheticStudy.Files4 f = SyntheticStudy.write(dir.resolve("in"), 5);
        CliRun a = analyze(f, dir.resolve("a"), "--seed", "3");
        assertEquals(0, a.exitCode(), a.err());
        assertTrue(a.out().contains("nomogram"), a.out());
        for (String p : List.of("analysis.json", "model.json", "tables/table1.csv", "tables/table1.md", "tables/table2.csv",
                "tables/table3.md", "figures/roc_validation.svg", "figures/roc_validation.png", "figures/calibration_validation.svg",
                "figures/dca_validation.png", "figures/coefficients_mpMRI.svg", "figures/nomogram.svg", "figures/nomogram.png")) {
            assertTrue(Files.size(dir.resolve("a").resolve(p)) > 100, p);
        }
        JsonNode j = new ObjectMapper().readTree(dir.resolve("a/analysis.json").toFile());
        for (String k : List.of("split", "icc", "icc_form", "standardization", "models", "clinical", "nomogram", "calibration", "dca")) {
            assertTrue(j.has(k), k);
        }
        assertTrue(j.get("clinical").has("univariate") && j.get("clinical").has("multivariate"));
        CliRun b = analyze(f, dir.resolve("b"), "--seed", "3");
        assertEquals(0, b.exitCode(), b.err());
        assertEquals(Files.readString(dir.resolve("a/analysis.json")), Files.readString(dir.resolve("b/analysis.json")));
        assertEquals(Files.readString(dir.resolve("a/model.json")), Files.readString(dir.resolve("b/model.json")));
        assertEquals(Files.readString(dir.resolve("a/tables/table3.csv")), Files.readString(dir.resolve("b/tables/table3.csv")));
    }

    @Test
    void badInputIsAClearError() throws Exception {
        SyntheticStudy.Files4 f = SyntheticStudy.write(dir.resolve("in"), 5);
        String outcomes = Files.readString(f.outcomes()).replace("case-007,1,", "case-007,,");
        Files.writeString(f.outcomes(), outcomes);
        CliRun r = analyze(f, dir.resolve("x"));
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("outcome missing for case case-007") && r.err().contains("early_recurrence"), r.err());
    }
}
