package org.radstream.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.radstream.events.DeadLetter;
import org.radstream.featureextraction.FeatureExtractionMain;
import org.radstream.imaging.synth.CohortGenerator;
import org.radstream.imaging.synth.CohortSettings;
import org.radstream.imaging.synth.CohortSummary;
import org.radstream.inference.InferenceMain;
import org.radstream.ingestion.IngestionMain;
import org.radstream.preprocessing.PreprocessingMain;
import org.radstream.qualitygate.QualityGateMain;
import org.radstream.reporting.ReportingMain;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.embedded.EmbeddedPlatform;
import org.radstream.streaming.stage.StageDefinition;
import org.radstream.streaming.stage.StageSettings;
import org.radstream.streaming.topics.TopicAdmin;
import org.radstream.streaming.topics.Topics;
import org.radstream.training.TrainingMain;

/**
 * The whole pipeline on the embedded platform, in one JVM but as separate Kafka clients — exactly the services
 * {@code radstream run <stage>} starts, each with its own consumer group, health and metrics endpoint: generate a
 * synthetic cohort, start every stage, import the cohort through ingestion, and follow the cases on the topics
 * until each has a risk score or a dead letter (or the timeout passes). Used by {@code radstream demo}, its
 * end-to-end test and the pipeline benchmark.
 */
public final class PipelineDemo {

    /**
     * @param patients            cohort size
     * @param earlyRecurrences    patients with early recurrence
     * @param seed                cohort and training seed
     * @param out                 working directory (cohort, blobs, platform data, state, summary.json); wiped first
     * @param featureExtractors   instances of the feature-extraction stage (its consumer group shares partitions)
     * @param slices              slices per generated series
     * @param readerBCases        patients also segmented by reader B (the ICC gate's pairs)
     * @param minLabelledCases    training starts at this many labelled cases (and after its quiet period)
     * @param timeout             the pipeline phase's limit
     * @param ingestionOptions    ingestion flags over the demo's (no C-STORE SCP, no REST endpoint), e.g.
     *                            {@code scp.port}, {@code http.port}, {@code quiet.period}
     * @param hooks               called at the run's milestones ({@link Hooks#NONE} for the demo itself)
     */
    public record Options(int patients, int earlyRecurrences, long seed, Path out, int featureExtractors, int slices,
            int readerBCases, int minLabelledCases, Duration timeout, Map<String, String> ingestionOptions, Hooks hooks) {
        public Options {
            Objects.requireNonNull(out, "out");
            if (patients < 1 || earlyRecurrences < 1 || earlyRecurrences >= patients) {
                throw new IllegalArgumentException("need 1 <= early recurrences < patients (got " + earlyRecurrences
                        + " of " + patients + ")");
            }
            if (featureExtractors < 1) {
                throw new IllegalArgumentException("--feature-extractors must be at least 1");
            }
            ingestionOptions = Map.copyOf(ingestionOptions);
            Objects.requireNonNull(hooks, "hooks");
        }

        /** The demo's options: no extra ingestion flags, no hooks. */
        public Options(int patients, int earlyRecurrences, long seed, Path out, int featureExtractors, int slices,
                int readerBCases, int minLabelledCases, Duration timeout) {
            this(patients, earlyRecurrences, seed, out, featureExtractors, slices, readerBCases, minLabelledCases, timeout,
                    Map.of(), Hooks.NONE);
        }

        public Options withIngestionOptions(Map<String, String> more) {
            return new Options(patients, earlyRecurrences, seed, out, featureExtractors, slices, readerBCases,
                    minLabelledCases, timeout, more, hooks);
        }

        public Options withHooks(Hooks more) {
            return new Options(patients, earlyRecurrences, seed, out, featureExtractors, slices, readerBCases,
                    minLabelledCases, timeout, ingestionOptions, more);
        }
    }

    /**
     * What a caller (the acceptance tests) may do at the run's milestones. The demo itself uses {@link #NONE}.
     */
    public interface Hooks {
        Hooks NONE = new Hooks() {
        };

        /** The cohort is generated and nothing is ingested yet: damage or hold back patients here. */
        default void cohortGenerated(Path cohort) throws IOException {
        }

        /** Every stage runs and ingestion has started; called on the demo's thread, so return promptly. */
        default void stagesStarted(RadstreamConfig config) {
        }

        /** The cases are resolved (or the timeout passed); the platform and every stage still run. */
        default void finished(RadstreamConfig config, DemoSummary summary) throws Exception {
        }
    }

    private final Options options;
    private final PrintStream log;

    public PipelineDemo(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Runs the demo and writes {@code out/summary.json}; the summary says whether every case has an outcome. */
    public DemoSummary run() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Path out = options.out().toAbsolutePath();
        wipe(out);
        Map<String, Double> wall = new LinkedHashMap<>();

        // the platform first: a missing registry build fails in seconds, not after the cohort
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(out.resolve("platform"))) {
            RadstreamConfig config = RadstreamConfig.local(platform.bootstrapServers(), platform.registryUrl());
            wall.put("platform", seconds(t0));
            long tc = System.nanoTime();
            log.printf(Locale.ROOT, "generating a synthetic cohort of %d patients (%d with early recurrence) ...%n",
                    options.patients(), options.earlyRecurrences());
            Path cohort = out.resolve("cohort");
            CohortSummary cohortSummary = CohortGenerator.generate(CohortSettings.defaults()
                    .with(options.patients(), options.earlyRecurrences(), options.seed()).withSlices(options.slices())
                    .withReaderBCases(Math.min(options.readerBCases(), options.patients())), cohort);
            wall.put("cohort", seconds(tc));
            log.printf(Locale.ROOT, "  %d DICOM files in %.1f s%n", cohortSummary.filesWritten(), wall.get("cohort"));
            options.hooks().cohortGenerated(cohort);

            long t1 = System.nanoTime();
            try (Admin admin = Admin.create(config.toKafkaProperties())) {
                new TopicAdmin(admin, 30_000).ensure(Topics.ALL, (short) 1);
            }
            log.printf(Locale.ROOT, "platform up (broker %s, registry %s); starting the stages ...%n",
                    platform.bootstrapServers(), platform.registryUrl());
            List<StageDefinition.Started> stages = new ArrayList<>();
            try (PipelineObserver observer = new PipelineObserver(config)) {
                Path blobs = out.resolve("blobs");
                Path state = out.resolve("state");
                start(stages, PreprocessingMain.DEFINITION, config, blobs, Map.of());
                for (int i = 0; i < options.featureExtractors(); i++) {
                    start(stages, FeatureExtractionMain.DEFINITION, config, blobs, Map.of());
                }
                // the gate publishes its first stable set only when every reader-B pair is in, so every case is
                // gated by the same set and a rerun of the same cohort trains on the same data
                start(stages, QualityGateMain.DEFINITION, config, blobs, Map.of("state.dir", state.resolve("quality-gate").toString(),
                        "min.pairs", Integer.toString(Math.max(2, Math.min(options.readerBCases(), options.patients())))));
                start(stages, TrainingMain.DEFINITION, config, blobs, Map.of(
                        "min.labelled.cases", Integer.toString(options.minLabelledCases()),
                        "seed", Long.toString(options.seed())));
                start(stages, InferenceMain.DEFINITION, config, blobs, Map.of("state.dir", state.resolve("inference").toString()));
                start(stages, ReportingMain.DEFINITION, config, blobs, Map.of());
                Map<String, String> ingestion = new LinkedHashMap<>(Map.of(
                        "folder", cohort.toString(), "watch", "false", "scp.port", "-1", "http.port", "-1",
                        "spool.dir", out.resolve("spool").toString(), "pseudonym.key", demoKey(options.seed())));
                ingestion.putAll(options.ingestionOptions());
                start(stages, IngestionMain.DEFINITION, config, blobs, ingestion);
                log.printf(Locale.ROOT, "%d stage instances running; following the cases ...%n", stages.size());
                options.hooks().stagesStarted(config);
                follow(observer, t1, wall);
                wall.put("pipeline", seconds(t1));
                wall.put("total", seconds(t0));
                DemoSummary summary = DemoSummary.of(observer.snapshot(), wall);
                summary.write(out.resolve("summary.json"));
                try {
                    options.hooks().finished(config, summary);
                } catch (IOException | RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException("the demo's finished hook failed: " + e.getMessage(), e);
                }
                return summary;
            } finally {
                for (int i = stages.size() - 1; i >= 0; i--) {
                    stages.get(i).close();
                }
            }
        }
    }

    /** Polls the observer until every ingested case has an outcome and its report, or the timeout passes. */
    private DemoSummary follow(PipelineObserver observer, long t1, Map<String, Double> wall) throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        long lastPrint = 0;
        DemoSummary s;
        while (true) {
            PipelineObserver.Snapshot now = observer.snapshot();
            s = DemoSummary.of(now, wall);
            // every patient came in as a study or was turned away by ingestion (a case with a bad clinical row
            // has both, and counts once)
            long accounted = now.cases().values().stream()
                    .filter(t -> t.received != null || t.deadLetters.stream().anyMatch(d -> "ingestion".equals(d.getStage())))
                    .count() + now.deadLettersWithoutCase().stream().filter(d -> "ingestion".equals(d.getStage())).count();
            boolean allIn = accounted >= options.patients();
            boolean reported = s.caseReports() >= s.riskScores();
            if (allIn && s.complete() && reported) {
                return s;
            }
            Optional<DeadLetter> trainingFailure = now.deadLettersWithoutCase().stream()
                    .filter(d -> "training".equals(d.getStage())).reduce((a, b) -> b);
            boolean allGated = now.cases().values().stream().allMatch(t -> t.assembled != null || !t.deadLetters.isEmpty());
            if (allIn && now.models().isEmpty() && trainingFailure.isPresent() && allGated) {
                // training retries only on new data, and none will come: waiting for the timeout would tell nothing more
                log.printf(Locale.ROOT, "training failed on all %d gated cases and no model exists: %s (%s)%n",
                        s.casesIn(), trainingFailure.get().getMessage(), trainingFailure.get().getReasonCode());
                return s;
            }
            if (System.nanoTime() > deadline) {
                log.printf(Locale.ROOT, "timeout after %s: %d of %d cases unresolved%n", options.timeout(),
                        s.unresolved().size(), s.casesIn());
                return s;
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                long rois = now.cases().values().stream().mapToLong(t -> t.rois).sum();
                long vectors = now.cases().values().stream().mapToLong(t -> t.featureVectors).sum();
                long assembled = now.cases().values().stream().filter(t -> t.assembled != null).count();
                log.printf(Locale.ROOT, "  %5.0f s: %d cases in, %d ROIs preprocessed, %d feature vectors, %d cases gated,"
                        + " models %s, %d scored, %d reported, %d dead letters%n", seconds(t1), s.casesIn(), rois, vectors,
                        assembled, now.models().keySet(), s.riskScores(), s.caseReports(), s.dlq());
            }
            Thread.sleep(500);
        }
    }

    private static void start(List<StageDefinition.Started> stages, StageDefinition def, RadstreamConfig config, Path blobs,
            Map<String, String> options) {
        StageSettings s = def.defaults().withBlobDir(blobs).withHealthPort(0);
        for (Map.Entry<String, String> o : options.entrySet()) {
            s = s.withOption(o.getKey(), o.getValue());
        }
        stages.add(def.start(config, s));
    }

    /**
     * The demo's pseudonymisation key, derived from the seed: the cohort is synthetic (no real patient to protect),
     * and the same key gives the same caseIds, hence the same seeded train/validation split and the same model on
     * a rerun. A real deployment sets its own secret key (RADSTREAM_INGESTION_PSEUDONYM_KEY).
     */
    public static String demoKey(long seed) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("radstream demo synthetic cohort, seed " + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The demo owns its directory: it is removed first, unless it holds something else than a previous demo. */
    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> entries = s.toList();
            if (!entries.isEmpty() && !Files.exists(dir.resolve("summary.json")) && !Files.isDirectory(dir.resolve("cohort"))) {
                throw new IOException(dir + " is not empty and holds no previous demo; choose another --out");
            }
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
