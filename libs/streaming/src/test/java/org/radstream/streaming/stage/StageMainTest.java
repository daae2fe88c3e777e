package org.radstream.streaming.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.radstream.streaming.config.ConfigException;
import org.radstream.streaming.config.ConfigKey;

class StageMainTest {

    @Test
    void flagsBeatEnvironmentBeatDefaults() {
        StageMain.Args a = StageMain.parse("test-stage", new String[] {"--bootstrap", "k:9092", "--group=g2", "--health-port", "0"}, List.of());
        assertEquals("k:9092", a.connection().get(ConfigKey.BOOTSTRAP_SERVERS));
        StageSettings s = StageSettings.load("feature-extraction", List.of(), a.stage(),
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
        ConfigException e = assertThrows(ConfigException.class, () -> StageSettings.load("preprocessing", List.of(),
                Map.of("--health-port", "http"), Map.of("RADSTREAM_PREPROCESSING_REGISTER_SCHEMAS", "yes")));
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

    @Test
    void extraFlagsTakeFlagThenEnvironmentThenDefaultAndAppearInHelp() {
        List<StageFlag> extra = List.of(new StageFlag("model.name", "nomogram", "Model to score with."),
                new StageFlag("quiet-period-s", "10", "Seconds without new cases before training."));
        StageMain.Args a = StageMain.parse("test-stage", new String[] {"--model-name", "mpMRI"}, extra);
        StageSettings s = StageSettings.load("inference", extra, a.stage(), Map.of("RADSTREAM_INFERENCE_QUIET_PERIOD_S", "3"));
        assertEquals("mpMRI", s.option("model.name"));
        assertEquals("3", s.option("quiet-period-s"));
        assertEquals("nomogram", StageSettings.defaults("inference", extra).option("model.name"));
        assertEquals("T2WI", s.withOption("model.name", "T2WI").option("model.name"));
        assertThrows(IllegalArgumentException.class, () -> s.option("nope"));
        assertThrows(IllegalArgumentException.class, () -> StageMain.parse("test-stage", new String[] {"--model-name", "x"}, List.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, StageMain.run("inference", extra, new String[] {"--help"}, Map.of(), new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()), (c, st, m, d) -> {
                    throw new AssertionError("must not start");
                }));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("--model-name") && help.contains("RADSTREAM_INFERENCE_MODEL_NAME"), help);
    }

    @Test
    void anInvalidStageOptionFromTheFactoryExitsWith2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StageMain.run("inference", List.of(new StageFlag("alb.min", "25", "g/L")), new String[] {"--alb-min", "x"},
                Map.of(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), (c, s, m, d) -> {
                    throw new IllegalArgumentException("--alb-min: 'x' is not a number");
                });
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--alb-min: 'x' is not a number"));
    }

    @Test
    void aSecretIsTakenFromTheEnvironmentOnlyAndNeverPrinted() {
        List<StageFlag> extra = List.of(StageFlag.secret("pseudonym.key", "Keyed-hash secret."),
                new StageFlag("watch", "false", "Keep watching."), new StageFlag("folder", null, "Import folder."));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StageMain.parse("ingestion", new String[] {"--pseudonym-key", "k"}, extra));
        assertTrue(e.getMessage().contains("set RADSTREAM_INGESTION_PSEUDONYM_KEY"), e.getMessage());
        StageSettings s = StageSettings.load("ingestion", extra, Map.of(),
                Map.of("RADSTREAM_INGESTION_PSEUDONYM_KEY", "very-secret-value"));
        assertEquals("very-secret-value", s.option("pseudonym.key"));
        assertFalse(s.toString().contains("very-secret-value"), s.toString());
        assertTrue(s.toString().contains("--pseudonym-key = (set, not shown) (env RADSTREAM_INGESTION_PSEUDONYM_KEY)"), s.toString());
        // a switch given alone means true; an unset option without default is empty, and required where read so
        StageMain.Args a = StageMain.parse("ingestion", new String[] {"--watch", "--health-port", "0"}, extra);
        StageSettings w = StageSettings.load("ingestion", extra, a.stage(), Map.of());
        assertEquals("true", w.option("watch"));
        assertTrue(w.optionalOption("folder").isEmpty());
        OptionReader r = w.reader();
        r.string("pseudonym.key");
        r.bool("watch");
        ConfigException c = assertThrows(ConfigException.class, r::check);
        assertTrue(c.getMessage().contains("--pseudonym-key (from default): is required (set RADSTREAM_INGESTION_PSEUDONYM_KEY)"),
                c.getMessage());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, StageMain.run("ingestion", extra, new String[] {"--help"}, Map.of(), new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()), (cf, st, m, d) -> {
                    throw new AssertionError("must not start");
                }));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("(env only)"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theOptionReaderReportsEveryProblemWithItsSource() {
        List<StageFlag> extra = List.of(new StageFlag("min.pairs", "10", "Pairs."), new StageFlag("icc.threshold", "0.75", "ICC."),
                new StageFlag("quiet.period", "PT10S", "Quiet."), new StageFlag("check.ms", "1000", "Check."));
        StageSettings s = StageSettings.load("quality-gate", extra, Map.of("--min-pairs", "x", "--check-ms", "0"),
                Map.of("RADSTREAM_QUALITY_GATE_QUIET_PERIOD", "10s", "RADSTREAM_QUALITY_GATE_ICC_THRESHOLD", "0.8"));
        OptionReader r = s.reader();
        r.integer("min.pairs", 2, Integer.MAX_VALUE);
        assertEquals(0.8, r.number("icc.threshold"));
        r.duration("quiet.period");
        r.positive("check.ms", java.time.temporal.ChronoUnit.MILLIS);
        ConfigException e = assertThrows(ConfigException.class, r::check);
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("--min-pairs (from flag --min-pairs): 'x' is not an integer"), e.getMessage());
        assertTrue(e.getMessage().contains("--quiet-period (from env RADSTREAM_QUALITY_GATE_QUIET_PERIOD): '10s' is not an ISO-8601"),
                e.getMessage());
        assertTrue(e.getMessage().contains("--check-ms (from flag --check-ms): 0 must be positive"), e.getMessage());
        StageSettings.defaults("quality-gate", extra).reader().check();
    }
}
