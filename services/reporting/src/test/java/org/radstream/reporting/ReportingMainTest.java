package org.radstream.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stage's command line: its own flags are listed, read and checked before anything connects. */
class ReportingMainTest {
    record Run(int code, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = ReportingMain.DEFINITION.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheReportingFlags() {
        Run r = run(Map.of(), "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--model-wait-ms") && r.out().contains("--catalogue-wait-ms") && r.out().contains("--blob-dir"), r.out());
        assertTrue(r.out().contains("RADSTREAM_REPORTING_MODEL_WAIT_MS"), r.out());
    }

    @Test
    void aBadWaitIsRefusedNamingTheFlag() {
        Run r = run(Map.of(), "--bootstrap", "127.0.0.1:1", "--model-wait-ms", "soon");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--model-wait-ms") && r.err().contains("soon"), r.err());
        Run neg = run(Map.of("RADSTREAM_REPORTING_CATALOGUE_WAIT_MS", "-5"), "--bootstrap", "127.0.0.1:1");
        assertEquals(2, neg.code());
        assertTrue(neg.err().contains("--catalogue-wait-ms"), neg.err());
    }

    @Test
    void settingsFromFlagsAndDefaults() {
        var defaults = ReportingSettings.of(ReportingMain.DEFINITION.defaults());
        assertEquals(ReportingSettings.DEFAULT, defaults);
        var set = ReportingSettings.of(ReportingMain.DEFINITION.defaults().withOption("model.wait.ms", "250"));
        assertEquals(Duration.ofMillis(250), set.modelWait());
    }
}
