package org.radstream.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceMainTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = InferenceMain.DEFINITION.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheStageFlags() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--model-name") && r.out().contains("--alb-min") && r.out().contains("--clinical-wait-s")
                && r.out().contains("--state-dir") && r.out().contains("RADSTREAM_INFERENCE_MODEL_NAME"), r.out());
    }

    @Test
    void badArgumentsExitTwoNamingTheProblem() {
        Run r = run("--alb-min", "80", "--alb-max", "70");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--alb-max (from flag --alb-max): ALB range [80, 70] must satisfy"), r.err());
        r = run("--clinical-wait-s", "soon");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--clinical-wait-s (from flag --clinical-wait-s): 'soon' is not a whole number"), r.err());
        r = run("--no-such-flag", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown argument --no-such-flag"), r.err());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertEquals(InferenceSettings.DEFAULT, InferenceMain.settings(InferenceMain.DEFINITION.defaults()));
    }
}
