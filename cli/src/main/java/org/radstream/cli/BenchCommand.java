package org.radstream.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.radstream.cli.demo.DemoSummary;
import org.radstream.cli.demo.PipelineDemo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radstream bench}: load figures of the running system (today: the whole pipeline on the embedded platform). */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchCommand.Pipeline.class,
        description = "Measure the system's throughput and latency; see the subcommands.")
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code radstream bench pipeline}: one {@code radstream demo} run, reported as load figures — cases/s end to end
     * and per stage, p50/p95/p99 latency from ingestion to the risk score and per stage — next to the machine's cores
     * and load average (the figures mean little without them on a shared machine).
     */
    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = {"Run the whole pipeline on the embedded platform (as `radstream demo`) and print",
                "cases/s end to end and per stage, p50/p95/p99 latency ingestion -> risk score and",
                "per stage, with the machine's cores and load average.",
                "Exit 1 when a case was left without a risk score or dead letter."})
    static final class Pipeline implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        /** 90 as the study: with 45, training's 31 + 14 cases separate on some runs and no model is published. */
        @Option(names = "--patients", defaultValue = "90", description = "Cohort size (default: ${DEFAULT-VALUE}).")
        int patients;

        @Option(names = "--feature-extractors", defaultValue = "1",
                description = "Instances of the feature-extraction stage (default: ${DEFAULT-VALUE}).")
        int featureExtractors;

        @Option(names = "--out", defaultValue = "bench-pipeline", paramLabel = "DIR",
                description = "Working directory, replaced on each run (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--seed", defaultValue = "7", description = "Seed of the cohort and of training (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--slices", defaultValue = "14", description = "Slices per generated series (default: ${DEFAULT-VALUE}).")
        int slices;

        @Option(names = "--timeout", defaultValue = "PT20M", description = "Limit of the pipeline phase, ISO-8601 (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            int early = (int) Math.round(patients * 38.0 / 90.0);
            int minCases = Math.max(2, (int) Math.ceil(patients * 2.0 / 3.0));
            PipelineDemo.Options o = new PipelineDemo.Options(patients, early, seed, out, featureExtractors, slices, 15,
                    minCases, timeout);
            String loadBefore = loadAverage();
            Instant started = Instant.now();
            DemoSummary s = new PipelineDemo(o, new PrintStream(System.out, true)).run();
            PrintStream w = new PrintStream(System.out, true);
            printTable(w, s, patients, featureExtractors, started, loadBefore, loadAverage());
            if (!s.complete()) {
                spec.commandLine().getErr().println("radstream bench pipeline: " + s.unresolved().size()
                        + " case(s) have neither a risk score nor a dead letter; the figures are incomplete");
                return 1;
            }
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    static void printTable(PrintStream w, DemoSummary s, int patients, int featureExtractors, Instant started,
            String loadBefore, String loadAfter) {
        w.printf(Locale.ROOT, "%nradstream bench pipeline — %s, %d patients, %d feature-extraction instance(s)%n",
                started, patients, featureExtractors);
        w.printf(Locale.ROOT, "machine: %d cores; load average (1/5/15 min) before %s, after %s%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        w.printf(Locale.ROOT, "cases in %d, risk scores %d, dead letters %d; pipeline wall %.1f s%n", s.casesIn(),
                s.riskScores(), s.dlq(), s.wallSeconds().getOrDefault("pipeline", 0.0));
        w.println("| stage | cases/s out | latency p50 ms | p95 ms | p99 ms | n |");
        w.println("|---|---:|---:|---:|---:|---:|");
        Map<String, Object> lat = s.latencyMs();
        w.printf(Locale.ROOT, "| end to end (received → risk score) | %.3f | %s | %s | %s | %s |%n", s.throughputCasesPerS(),
                lat.get("p50"), lat.get("p95"), lat.get("p99"), lat.get("n"));
        w.printf(Locale.ROOT, "| ingestion (studies received) | %.3f | | | | |%n", s.stageThroughput().getOrDefault("ingestion", 0.0));
        ((Map<String, Map<String, Object>>) lat.get("stages")).forEach((stage, p) -> w.printf(Locale.ROOT,
                "| %s | %.3f | %s | %s | %s | %s |%n", stage, s.stageThroughput().getOrDefault(stage, 0.0), p.get("p50"),
                p.get("p95"), p.get("p99"), p.get("n")));
        w.println("(inference latency includes waiting for the first model: cases that arrive before training are scored"
                + " when it is published)");
    }

    /** The 1-, 5- and 15-minute load averages from /proc/loadavg, or the JVM's 1-minute figure elsewhere. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
