package org.radstream.qualitygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radstream.modeling.icc.IccForm;

class QualityGateMainTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = QualityGateMain.DEFINITION.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheGateFlags() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--min-pairs") && r.out().contains("--icc-form") && r.out().contains("ICC2_1")
                && r.out().contains("--state-dir") && r.out().contains("RADSTREAM_QUALITY_GATE_MIN_PAIRS"), r.out());
    }

    @Test
    void badArgumentsExitTwoNamingTheFlagAndTheReason() {
        Run r = run("--min-pairs", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--min-pairs (from flag --min-pairs): 1 is outside 2.."), r.err());
        r = run("--icc-threshold", "1.5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--icc-threshold") && r.err().contains("threshold must be in [-1, 1]"), r.err());
        r = run("--icc-form", "ICC9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--icc-form (from flag --icc-form): 'ICC9' is not one of"), r.err());
    }

    @Test
    void defaultsAreTheStudysAndTheEnvironmentIsRead() {
        QualityGateSettings d = QualityGateMain.settings(QualityGateMain.DEFINITION.defaults());
        assertEquals(QualityGateSettings.DEFAULT, d);
        QualityGateSettings s = QualityGateMain.settings(org.radstream.streaming.stage.StageSettings.load(
                QualityGateTopology.STAGE, QualityGateMain.FLAGS, Map.of("--icc-form", "icc3_1"),
                Map.of("RADSTREAM_QUALITY_GATE_MIN_PAIRS", "4")));
        assertEquals(IccForm.ICC3_1, s.gate().form());
        assertEquals(4, s.minPairs());
    }
}
