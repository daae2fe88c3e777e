package org.radstream.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.radstream.streaming.config.ConfigException;
import org.radstream.streaming.config.ConfigKey;

class IngestionMainTest {

    static final String KEY = "0123456789abcdef0123456789abcdef-secret";

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        IngestionMain.Args a = IngestionMain.parse(new String[] {"--bootstrap", "b:1", "--folder=/in", "--watch",
                "--scp-port", "11113", "--quiet-period", "PT3S"});
        assertEquals("b:1", a.connection().get(ConfigKey.BOOTSTRAP_SERVERS));
        IngestionSettings s = IngestionSettings.load(a.ingestion(), Map.of(
                "RADSTREAM_INGESTION_PSEUDONYM_KEY", KEY, "RADSTREAM_INGESTION_SCP_PORT", "104",
                "RADSTREAM_INGESTION_HTTP_PORT", "9000"));
        assertTrue(s.watch());
        assertEquals(11113, s.scpPort());
        assertEquals(9000, s.httpPort());
        assertEquals(java.time.Duration.ofSeconds(3), s.quietPeriod());
        assertEquals(java.time.Duration.ofSeconds(2), s.pollInterval());
        assertEquals(8080, s.runner().healthPort());
        assertFalse(IngestionMain.describe(s).contains(KEY), "the key is never printed");
    }

    @Test
    void everyProblemIsReportedWithItsSource() {
        Map<IngestionKey, String> flags = new EnumMap<>(IngestionKey.class);
        flags.put(IngestionKey.WATCH, "true");
        flags.put(IngestionKey.SCP_PORT, "70000");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> IngestionSettings.load(flags, Map.of("RADSTREAM_INGESTION_QUIET_PERIOD", "10s")));
        String m = e.getMessage();
        assertTrue(m.contains("--watch (from flag --watch): is true but no folder is set"), m);
        assertTrue(m.contains("--scp-port (from flag --scp-port): 70000 is outside"), m);
        assertTrue(m.contains("--quiet-period (from env RADSTREAM_INGESTION_QUIET_PERIOD): '10s' is not an ISO-8601 duration"), m);
        assertTrue(m.contains("--pseudonym-key (from default): is required"), m);
    }

    @Test
    void theKeyIsNotAcceptedOnTheCommandLineAndUnknownFlagsFail() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, IngestionMain.run(new String[] {"--pseudonym-key", KEY}, Map.of(), ps, ps));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("set RADSTREAM_INGESTION_PSEUDONYM_KEY"));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains(KEY));
        assertEquals(2, IngestionMain.run(new String[] {"--nope", "1"}, Map.of(), ps, ps));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown argument --nope"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, IngestionMain.run(new String[] {"--help"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), ps));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--scp-port"));
    }
}
