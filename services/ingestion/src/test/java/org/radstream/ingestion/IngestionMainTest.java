package org.radstream.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.radstream.streaming.config.ConfigException;
import org.radstream.streaming.stage.StageSettings;

class IngestionMainTest {

    static final String KEY = "0123456789abcdef0123456789abcdef-secret";

    record Run(int code, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = IngestionMain.DEFINITION.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static StageSettings load(Map<String, String> flags, Map<String, String> env) {
        return StageSettings.load(Ingestion.STAGE, IngestionMain.FLAGS, flags, env);
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        StageSettings st = load(Map.of("--folder", "/in", "--watch", "true", "--scp-port", "11113", "--quiet-period", "PT3S"),
                Map.of("RADSTREAM_INGESTION_PSEUDONYM_KEY", KEY, "RADSTREAM_INGESTION_SCP_PORT", "104",
                        "RADSTREAM_INGESTION_HTTP_PORT", "9000"));
        IngestionSettings s = IngestionSettings.from(st);
        assertTrue(s.watch());
        assertEquals(11113, s.scpPort());
        assertEquals(9000, s.httpPort());
        assertEquals(Duration.ofSeconds(3), s.quietPeriod());
        assertEquals(Duration.ofSeconds(2), s.pollInterval());
        assertEquals(8080, st.runner().healthPort());
        assertFalse(s.toString().contains(KEY), "the key is never printed");
        assertFalse(st.toString().contains(KEY), "the key is never printed");
    }

    @Test
    void everyProblemIsReportedWithItsSource() {
        ConfigException e = assertThrows(ConfigException.class, () -> IngestionSettings.from(load(
                Map.of("--watch", "true", "--scp-port", "70000"), Map.of("RADSTREAM_INGESTION_QUIET_PERIOD", "10s"))));
        String m = e.getMessage();
        assertTrue(m.contains("--watch (from flag --watch): is true but no folder is set"), m);
        assertTrue(m.contains("--scp-port (from flag --scp-port): 70000 is outside"), m);
        assertTrue(m.contains("--quiet-period (from env RADSTREAM_INGESTION_QUIET_PERIOD): '10s' is not an ISO-8601 duration"), m);
        assertTrue(m.contains("--pseudonym-key (from default): is required (set RADSTREAM_INGESTION_PSEUDONYM_KEY)"), m);
        e = assertThrows(ConfigException.class, () -> IngestionSettings.from(load(Map.of(),
                Map.of("RADSTREAM_INGESTION_PSEUDONYM_KEY", "short"))));
        assertTrue(e.getMessage().contains("must be at least 32 bytes (value not shown)") && !e.getMessage().contains("short'"),
                e.getMessage());
    }

    @Test
    void theKeyIsNotAcceptedOnTheCommandLineAndUnknownFlagsFail() {
        Run r = run(Map.of(), "--pseudonym-key", KEY);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("set RADSTREAM_INGESTION_PSEUDONYM_KEY"), r.err());
        assertFalse(r.err().contains(KEY));
        r = run(Map.of(), "--nope", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown argument --nope"), r.err());
        // a missing key is found by the stage's factory: exit 2 before anything starts
        r = run(Map.of(), "--scp-port", "-1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--pseudonym-key (from default): is required"), r.err());
        r = run(Map.of(), "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--scp-port") && r.out().contains("(env only)")
                && r.out().contains("RADSTREAM_INGESTION_PSEUDONYM_KEY") && r.out().contains("--blob-dir"), r.out());
    }

    @Test
    void watchAloneMeansTrue() {
        // `--watch` without a value is true, and the flag after it is still read
        Run r = run(Map.of(), "--watch", "--scp-port", "70000");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--watch (from flag --watch): is true but no folder is set"), r.err());
        assertTrue(r.err().contains("--scp-port (from flag --scp-port): 70000 is outside"), r.err());
    }
}
