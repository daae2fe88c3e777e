package org.radstream.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.radstream.streaming.config.ConfigException;
import org.radstream.streaming.config.ConfigKey;

class StageMainTest {

    @Test
    void flagsBeatEnvironmentBeatDefaults() {
        StageMain.Args a = StageMain.parse(new String[] {"--bootstrap", "k:9092", "--group=g2", "--health-port", "0"});
        assertEquals("k:9092", a.connection().get(ConfigKey.BOOTSTRAP_SERVERS));
        StageSettings s = StageSettings.load("feature-extraction", a.stage(),
                Map.of("RADSTREAM_FEATURE_EXTRACTION_GROUP", "g1", "RADSTREAM_FEATURE_EXTRACTION_BLOB_DIR", "/data/blobs"));
        assertEquals("g2", s.groupId());
        assertEquals(Path.of("/data/blobs"), s.blobDir());
        assertEquals(0, s.runner().healthPort());
        assertTrue(s.registerSchemas());
        assertEquals("preprocessing", StageSettings.defaults("preprocessing").groupId());
        assertEquals(8080, StageSettings.defaults("preprocessing").runner().healthPort());
    }

    @Test
    void badValuesAreNamedWithTheirSource() {
        ConfigException e = assertThrows(ConfigException.class, () -> StageSettings.load("preprocessing",
                Map.of(StageSettings.Key.HEALTH_PORT, "http"), Map.of("RADSTREAM_PREPROCESSING_REGISTER_SCHEMAS", "yes")));
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().contains("--health-port"), e.getMessage());
        assertTrue(e.getMessage().contains("RADSTREAM_PREPROCESSING_REGISTER_SCHEMAS"), e.getMessage());
    }

    @Test
    void unknownFlagExitsWith2AndHelpWith0() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StageMain.run("preprocessing", new String[] {"--nope", "1"}, Map.of(), new PrintStream(out),
                new PrintStream(err), (c, s, m, d) -> {
                    throw new AssertionError("must not start");
                });
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown argument --nope"));
        code = StageMain.run("preprocessing", new String[] {"--help"}, Map.of(), new PrintStream(out),
                new PrintStream(err), (c, s, m, d) -> {
                    throw new AssertionError("must not start");
                });
        assertEquals(0, code);
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("--blob-dir") && help.contains("RADSTREAM_PREPROCESSING_GROUP"), help);
        assertFalse(help.contains("null"), help);
    }
}
