package org.radstream.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.radstream.cli.demo.DemoSummary;
import org.radstream.cli.demo.PipelineDemo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radstream demo}: the whole pipeline on the embedded platform, from a synthetic cohort to risk scores. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on the embedded platform: generate a synthetic cohort, start every stage",
            "(as separate Kafka clients in this JVM), ingest, train, score, report; print a summary and write",
            "DIR/summary.json. Exit 0 only when every case has a risk score or a dead letter with a reason."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--patients", defaultValue = "90", description = "Cohort size (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--er", description = "Patients with early recurrence (default: 38 of 90, the study's proportion).")
    Integer er;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the cohort and of training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "demo", paramLabel = "DIR",
            description = "Working directory, replaced on each run (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--feature-extractors", defaultValue = "2",
            description = "Instances of the feature-extraction stage (default: ${DEFAULT-VALUE}).")
    int featureExtractors;

    @Option(names = "--slices", defaultValue = "14", description = "Slices per generated series (default: ${DEFAULT-VALUE}).")
    int slices;

    @Option(names = "--reader-b", defaultValue = "15",
            description = "Patients also segmented by reader B, for the ICC gate (default: ${DEFAULT-VALUE}).")
    int readerB;

    @Option(names = "--min-labelled-cases",
            description = "Training starts at this many labelled cases (default: 2/3 of the patients).")
    Integer minLabelled;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "Limit of the pipeline phase, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        int early = er != null ? er : (int) Math.round(patients * 38.0 / 90.0);
        int minCases = minLabelled != null ? minLabelled : Math.max(2, (int) Math.ceil(patients * 2.0 / 3.0));
        PipelineDemo.Options o = new PipelineDemo.Options(patients, early, seed, out, featureExtractors, slices, readerB,
                minCases, timeout);
        var w = spec.commandLine().getOut();
        DemoSummary s = new PipelineDemo(o, new java.io.PrintStream(System.out, true)).run();
        s.print(new java.io.PrintStream(System.out, true));
        w.println("summary: " + out.resolve("summary.json"));
        w.flush();
        if (!s.complete()) {
            spec.commandLine().getErr().println("radstream demo: " + s.unresolved().size()
                    + " case(s) have neither a risk score nor a dead letter" + (s.duplicateScores() > 0
                            ? (" and " + s.duplicateScores() + " duplicate risk score(s)") : "") + "; see the log above");
            return 1;
        }
        return 0;
    }
}
