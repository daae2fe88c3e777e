package org.radstream.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.radstream.ingestion.IngestionMain;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code radstream run <stage> [flags]}: runs one pipeline stage as its own process against any cluster, the way
 * a container runs it (health and {@code /metrics} on one port, graceful stop on SIGTERM). The flags after the
 * stage belong to the stage; {@code radstream run ingestion --help} lists them.
 */
@Command(name = "run", description = {"Run one pipeline stage in this process against any cluster (until SIGTERM/Ctrl-C).",
        "Stages: ingestion. Flags after the stage are the stage's own; `radstream run STAGE --help` lists them."})
final class RunCommand implements Callable<Integer> {

    /** A stage's main: arguments in, exit code out. */
    @FunctionalInterface
    interface StageMain {
        int run(String[] args);
    }

    /** The stages that exist so far; each new service adds its main here. */
    static final Map<String, StageMain> STAGES = new TreeMap<>(Map.of(
            "ingestion", args -> IngestionMain.run(args, System.getenv(), System.out, System.err)));

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STAGE", description = "The stage to run: ${COMPLETION-CANDIDATES}.",
            completionCandidates = StageNames.class)
    String stage;

    @Unmatched
    List<String> stageArgs = new ArrayList<>();

    @Override
    public Integer call() {
        StageMain main = STAGES.get(stage);
        if (main == null) {
            spec.commandLine().getErr().println("radstream run: unknown stage '" + stage + "'; stages: "
                    + String.join(", ", STAGES.keySet()));
            return 2;
        }
        return main.run(stageArgs.toArray(String[]::new));
    }

    static final class StageNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return STAGES.keySet().iterator();
        }
    }
}
