package org.radstream.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.radstream.imaging.sequence.MrSequence;
import org.radstream.imaging.synth.CohortGenerator;
import org.radstream.imaging.synth.CohortSettings;
import org.radstream.imaging.synth.CohortSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radstream cohort generate}: the synthetic mpMRI cohort the pipeline demo runs on. */
@Command(name = "cohort", description = "Synthetic small-HCC mpMRI cohorts.", mixinStandardHelpOptions = true,
        subcommands = CohortCommand.Generate.class)
final class CohortCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write a synthetic cohort: per patient five DICOM MR series (T1WI, T2WI, AP, PVP, DP),",
                "reader A's ROI as DICOM SEG and NIfTI (reader B's for some patients), and clinical.csv,",
                "outcomes.csv, cases.csv and generator.json (generative model and oracle AUC) in DIR."})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--patients", defaultValue = "90", description = "Number of patients (default: ${DEFAULT-VALUE}).")
        int patients;

        @Option(names = "--er", defaultValue = "38", description = "Patients with early recurrence (default: ${DEFAULT-VALUE}).")
        int er;

        @Option(names = "--seed", defaultValue = "7", description = "Random seed; same seed, same cohort (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created; must be empty or a previous cohort).")
        Path out;

        @Option(names = "--effect-size", defaultValue = "1.3",
                description = "Latent-risk separation d between groups, in SD (default: ${DEFAULT-VALUE}).")
        double effectSize;

        @Option(names = "--slices", defaultValue = "14", description = "Slices per series, 5 mm apart (default: ${DEFAULT-VALUE}).")
        int slices;

        @Option(names = "--reader-b", defaultValue = "15", description = "Patients also segmented by reader B (default: ${DEFAULT-VALUE}).")
        int readerB;

        @Option(names = "--threads", description = "Worker threads (default: available processors).")
        Integer threads;

        @Option(names = "--overwrite", description = "Replace DIR if it holds a previous cohort (has generator.json).")
        boolean overwrite;

        @Override
        public Integer call() throws IOException {
            prepare(out, overwrite);
            CohortSettings s = CohortSettings.defaults().with(patients, er, seed).withEffectSize(effectSize).withSlices(slices)
                    .withReaderBCases(Math.min(readerB, patients));
            if (threads != null) {
                s = s.withThreads(threads);
            }
            long t0 = System.nanoTime();
            CohortSummary sum = CohortGenerator.generate(s, out);
            double secs = (System.nanoTime() - t0) / 1e9;
            var w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "wrote %d patients (%d with early recurrence), %d MR series, %d DICOM files to %s in %.1f s%n",
                    sum.patients(), sum.earlyRecurrences(), sum.seriesWritten(), sum.filesWritten(), out, secs);
            w.printf(Locale.ROOT, "oracle AUC of the latent risk %.3f (expected %.3f);", sum.oracleAuc(), sum.expectedAuc());
            for (MrSequence q : MrSequence.STUDY) {
                w.printf(Locale.ROOT, " %s %.3f", q, sum.sequenceAuc().get(q));
            }
            w.println();
            w.flush();
            return 0;
        }

        /** An empty or new directory, or (with --overwrite) a previous cohort, which is removed first. */
        static void prepare(Path dir, boolean overwrite) throws IOException {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                return;
            }
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + " exists and is not a directory");
            }
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (empty) {
                return;
            }
            if (!overwrite || !Files.isRegularFile(dir.resolve("generator.json"))) {
                throw new IOException(dir + " is not empty" + (overwrite ? " and holds no previous cohort (generator.json)"
                        : "; choose a new directory or pass --overwrite to replace a previous cohort"));
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
