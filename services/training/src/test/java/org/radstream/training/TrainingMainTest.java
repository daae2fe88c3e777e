package org.radstream.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class TrainingMainTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    int run(String... args) {
        return TrainingMain.DEFINITION.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheStageFlagsWithDefaults() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String f : new String[] {"--min-labelled-cases", "--quiet-period-s", "--seed", "--model-name", "--blob-dir"}) {
            assertTrue(help.contains(f), f + " in\n" + help);
        }
        assertTrue(help.contains("RADSTREAM_TRAINING_MIN_LABELLED_CASES"), help);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        TrainingSettings s = TrainingMain.settings(TrainingMain.DEFINITION.defaults());
        assertEquals(TrainingSettings.DEFAULT, s);
        assertEquals(new TrainingSettings("nomogram", 60, Duration.ofSeconds(10), 7), s);
    }

    @Test
    void flagsAndEnvironmentSetTheSettings() {
        StageSettings st = StageSettings.load("training", TrainingMain.FLAGS,
                Map.of("--min-labelled-cases", "25", "--seed", "11"), Map.of("RADSTREAM_TRAINING_QUIET_PERIOD_S", "3"));
        assertEquals(new TrainingSettings("nomogram", 25, Duration.ofSeconds(3), 11), TrainingMain.settings(st));
    }

    @Test
    void badOptionsAreAllReportedWithExitCode2() {
        StageSettings st = TrainingMain.DEFINITION.defaults().withOption("min.labelled.cases", "0").withOption("seed", "x")
                .withOption("model.name", "../x");
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingMain.settings(st));
        assertTrue(e.getMessage().contains("--min-labelled-cases") && e.getMessage().contains("--seed")
                && e.getMessage().contains("--model-name"), e.getMessage());
        assertEquals(2, run("--bootstrap", "127.0.0.1:1", "--quiet-period-s", "soon"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--quiet-period-s"), err.toString(StandardCharsets.UTF_8));
    }
}
