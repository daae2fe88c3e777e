package org.radstream.qualitygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityGateMainTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = QualityGateMain.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheGateFlags() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--min-pairs") && r.out().contains("--icc-form") && r.out().contains("ICC2_1"), r.out());
    }

    @Test
    void badArgumentsExitTwoNamingTheProblem() {
        Run r = run("--min-pairs", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("minPairs"), r.err());
        r = run("--icc-threshold", "1.5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("threshold"), r.err());
        r = run("--icc-form", "ICC9");
        assertEquals(2, r.code());
    }
}
