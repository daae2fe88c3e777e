package org.radstream.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.radstream.featureextraction.FeatureExtractionMain;
import org.radstream.inference.InferenceMain;
import org.radstream.ingestion.IngestionMain;
import org.radstream.preprocessing.PreprocessingMain;
import org.radstream.qualitygate.QualityGateMain;
import org.radstream.reporting.ReportingMain;
import org.radstream.training.TrainingMain;
import org.radstream.streaming.stage.StageDefinition;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code radstream run <stage> [flags]}: runs one pipeline stage as its own process against any cluster, the way
 * a container runs it (health and {@code /metrics} on one port, graceful stop on SIGTERM). Every stage starts
 * through its {@link StageDefinition}; the flags after the stage are the stage's own, and
 * {@code radstream run STAGE --help} lists them.
 */
@Command(name = "run", description = {"Run one pipeline stage in this process against any cluster (until SIGTERM/Ctrl-C).",
        "Stages: ${COMPLETION-CANDIDATES}. Flags after the stage are the stage's own; `radstream run STAGE --help` lists them."})
final class RunCommand implements Callable<Integer> {

    /** The stages in pipeline order, by name. */
    static final Map<String, StageDefinition> STAGES = byName(List.of(
            IngestionMain.DEFINITION,
            PreprocessingMain.DEFINITION,
            FeatureExtractionMain.DEFINITION,
            QualityGateMain.DEFINITION,
            TrainingMain.DEFINITION,
            InferenceMain.DEFINITION,
            ReportingMain.DEFINITION));

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STAGE", description = "The stage to run: ${COMPLETION-CANDIDATES}.",
            completionCandidates = StageNames.class)
    String stage;

    @Unmatched
    List<String> stageArgs = new ArrayList<>();

    @Override
    public Integer call() {
        StageDefinition definition = STAGES.get(stage);
        if (definition == null) {
            spec.commandLine().getErr().println("radstream run: unknown stage '" + stage + "'; stages: "
                    + String.join(", ", STAGES.keySet()));
            return 2;
        }
        try (PrintStream out = printStream(spec.commandLine().getOut());
                PrintStream err = printStream(spec.commandLine().getErr())) {
            return definition.run(stageArgs.toArray(String[]::new), System.getenv(), out, err);
        }
    }

    private static Map<String, StageDefinition> byName(List<StageDefinition> stages) {
        Map<String, StageDefinition> m = new LinkedHashMap<>();
        stages.forEach(d -> m.put(d.name(), d));
        return m;
    }

    /** The stage prints to PrintStreams, picocli (and its tests) to PrintWriters: each line goes through as it ends. */
    private static PrintStream printStream(PrintWriter w) {
        OutputStream lines = new OutputStream() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void flush() {
                w.print(buffer.toString(StandardCharsets.UTF_8));
                buffer.reset();
                w.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        return new PrintStream(lines, true, StandardCharsets.UTF_8);
    }

    static final class StageNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return STAGES.keySet().iterator();
        }
    }
}
