package org.radstream.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.CaseFeatures;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.DeadLetter;
import org.radstream.events.ModelPublished;
import org.radstream.events.PredictorPoints;
import org.radstream.events.ReportKind;
import org.radstream.events.ReportReady;
import org.radstream.events.RiskBand;
import org.radstream.events.RiskScore;
import org.radstream.events.StudyReceived;
import org.radstream.modeling.artifact.ModelScorer;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.serde.ConfluentAvroDeserializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;

/**
 * The pipeline's acceptance tests (issue #6 items 4, issue #7 item 5's setting) on one shared {@link PipelineDemo} run
 * of the study-sized 90-patient synthetic cohort (45 patients leave training too few cases: its nomogram fit
 * separated on some runs) on the embedded platform, every stage as its own Kafka client:
 * <ul>
 *   <li>five patients are damaged before ingestion — a corrupt DICOM file, a missing series, an empty mask, a
 *       missing and an out-of-range albumin in clinical.csv — and each must end in the DLQ with its reason while the
 *       others flow on;</li>
 *   <li>one patient is held back from the folder import and, once a model is published, sent to the ingestion
 *       stage's C-STORE SCP with dcmtk's {@code storescu} (series and SEG ROIs) and its clinical record and outcome
 *       POSTed to the REST endpoint; it must be scored;</li>
 *   <li>every scored case's risk score must equal scoring the case directly with the modeling library's
 *       {@link ModelScorer} from the published artifact, its CaseFeatures and ClinicalRecord;</li>
 *   <li>kcat, as an outside consumer, reads the risk scores, decoded with plain Avro and the writer schema fetched by
 *       id from the registry.</li>
 * </ul>
 * What the tests check is read from the topics after the run by this class's own consumer (read_committed), not from
 * the demo's observer.
 */
class PipelineAcceptanceIT {

    static final int PATIENTS = 90;
    static final String HELD_BACK = "RS-0085";
    static final String CORRUPT = "RS-0086";
    static final String MISSING_SERIES = "RS-0087";
    static final String EMPTY_MASK = "RS-0088";
    static final String NO_ALB = "RS-0089";
    static final String ALB_OUT_OF_RANGE = "RS-0090";
    /** patient → the stage and reason code its dead letter must carry. */
    static final Map<String, String> EXPECTED_DLQ = Map.of(
            CORRUPT, "ingestion/CORRUPT_DICOM",
            MISSING_SERIES, "ingestion/MISSING_SEQUENCE",
            EMPTY_MASK, "preprocessing/EMPTY_MASK",
            NO_ALB, "ingestion/ALB_MISSING",
            ALB_OUT_OF_RANGE, "ingestion/ALB_OUT_OF_RANGE");
    static final List<String> RISK_SCORE_FIELDS = List.of("caseId", "modelName", "modelVersion", "radScore", "points",
            "totalPoints", "probability", "riskBand", "stageTimes", "scoredAt");
    /** The event's predictor names → the artifact's axes (services/inference CaseScoring's documented mapping). */
    static final Map<String, String> AXIS_OF = Map.of("ALB", "alb", "tumor_number", "tumor_multiple", "rad_score", "radscore_mpMRI");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static final String KEY = HexFormat.of().formatHex("acceptance-test-pseudonym-key-32bytes".getBytes(StandardCharsets.UTF_8));
    static boolean sendWithStorescu;
    static int scpPort;
    static int httpPort;
    /** CSV header + row of the held-back patient, removed from clinical.csv and outcomes.csv. */
    static final Map<String, Map<String, String>> heldBackRows = new LinkedHashMap<>();
    /** What the SCP sender thread did (storescu output, HTTP answers), or its failure. */
    static final List<String> senderLog = Collections.synchronizedList(new ArrayList<>());
    static volatile Throwable senderFailure;
    static Thread sender;

    static DemoSummary summary;
    static JsonNode summaryJson;
    static String demoLog;
    static List<StudyReceived> studies;
    static List<CaseFeatures> caseFeatures;
    static List<ClinicalRecord> clinical;
    static List<ModelPublished> models;
    static List<RiskScore> riskScores;
    static List<ReportReady> reports;
    static List<DeadLetter> deadLetters;
    static List<byte[]> deadLetterBytes;
    /** kcat's risk-score values decoded with plain Avro, or null when kcat is not installed. */
    static List<GenericRecord> kcatScores;
    static List<Schema> kcatSchemas;

    @BeforeAll
    static void runThePipeline() throws Exception {
        sendWithStorescu = onPath("storescu", "storescu (Debian dcmtk) is required in CI; run scripts/setup --test-tools");
        scpPort = freePort();
        httpPort = freePort();
        PipelineDemo.Options o = new PipelineDemo.Options(PATIENTS, 38, 7, dir.resolve("demo"), 2, 14, 15, 60,
                Duration.ofMinutes(15))
                .withIngestionOptions(Map.of("pseudonym.key", KEY, "scp.port", Integer.toString(scpPort),
                        "http.host", "127.0.0.1", "http.port", Integer.toString(httpPort), "quiet.period", "PT3S"))
                .withHooks(new PipelineDemo.Hooks() {
                    @Override
                    public void cohortGenerated(Path cohort) throws IOException {
                        damage(cohort);
                        if (sendWithStorescu) {
                            holdBack(cohort);
                        }
                    }

                    @Override
                    public void stagesStarted(RadstreamConfig config) {
                        if (sendWithStorescu) {
                            sender = new Thread(() -> sendHeldBackPatient(config), "storescu-sender");
                            sender.setDaemon(true);
                            sender.start();
                        }
                    }

                    @Override
                    public void finished(RadstreamConfig config, DemoSummary s) throws Exception {
                        readTopics(config);
                    }
                });
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(new TeeStream(log, System.out), true, StandardCharsets.UTF_8)) {
            summary = new PipelineDemo(o, ps).run();
        }
        demoLog = log.toString(StandardCharsets.UTF_8);
        summaryJson = JSON.readTree(dir.resolve("demo/summary.json").toFile());
    }

    @AfterAll
    static void stopSender() throws InterruptedException {
        if (sender != null) {
            sender.interrupt();
            sender.join(5000);
        }
    }

    // ------------------------------------------------------------------------------------------------ the tests

    @Test
    void everyGoodCaseIsScoredOnceExactlyAsTheModelingLibraryScoresIt() {
        Set<String> expected = new TreeSet<>();
        for (int i = 1; i <= PATIENTS; i++) {
            String id = String.format("RS-%04d", i);
            if (!EXPECTED_DLQ.containsKey(id) && (sendWithStorescu || !id.equals(HELD_BACK))) {
                expected.add(caseId(id));
            }
        }
        Map<String, List<RiskScore>> byCase = riskScores.stream().collect(Collectors.groupingBy(RiskScore::getCaseId));
        assertEquals(expected, new TreeSet<>(byCase.keySet()), "the cases with a risk score");
        for (Map.Entry<String, List<RiskScore>> e : byCase.entrySet()) {
            assertEquals(1, e.getValue().size(), e.getKey() + " scored exactly once");
            RiskScore r = e.getValue().get(0);
            ModelPublished model = models.stream().filter(m -> m.getModelName().equals(r.getModelName())
                    && m.getVersion() == r.getModelVersion()).findFirst()
                    .orElseThrow(() -> new AssertionError(r.getCaseId() + ": model " + r.getModelName() + " v" + r.getModelVersion()
                            + " was never published"));
            // the CaseFeatures inference scored: the one assembled at the time the score names for the quality gate
            CaseFeatures f = caseFeatures.stream().filter(c -> c.getCaseId().equals(r.getCaseId())
                    && c.getAssembledAt().equals(r.getStageTimes().get("quality-gate"))).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError(r.getCaseId() + ": no CaseFeatures assembled at " + r.getStageTimes()));
            ClinicalRecord c = clinical.stream().filter(x -> x.getCaseId().equals(r.getCaseId())).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError(r.getCaseId() + ": no clinical record"));
            double alb = c.getAlbGPerL();
            double tumorMultiple = c.getTumorNumber() > 1 ? 1 : 0;
            ModelScorer.Score want = new ModelScorer(model.getArtifactJson()).score(featureMap(f), alb, tumorMultiple);
            String id = r.getCaseId();
            assertEquals(want.radScores().get("mpMRI"), r.getRadScore(), 1e-12, id + " rad-score");
            assertEquals(want.totalPoints(), r.getTotalPoints(), 1e-12, id + " total points");
            assertEquals(want.probability(), r.getProbability(), 1e-12, id + " probability");
            assertEquals("high".equals(want.riskBand()) ? RiskBand.HIGH : RiskBand.LOW, r.getRiskBand(), id + " risk band");
            assertEquals(want.points().size(), r.getPoints().size(), id + " predictors");
            for (PredictorPoints p : r.getPoints()) {
                String axis = AXIS_OF.get(p.getPredictor());
                assertNotNull(axis, id + ": unexpected predictor " + p.getPredictor());
                assertEquals(want.points().get(axis), p.getPoints(), 1e-12, id + " points of " + p.getPredictor());
            }
            assertEquals(alb, r.getPoints().stream().filter(p -> p.getPredictor().equals("ALB")).findFirst().orElseThrow().getValue(), 0.0);
        }
    }

    @Test
    void everyScoredCaseHasACaseReportFile() throws IOException {
        Map<String, List<ReportReady>> byCase = reports.stream().filter(r -> r.getKind() == ReportKind.CASE)
                .collect(Collectors.groupingBy(ReportReady::getCaseId));
        for (RiskScore r : riskScores) {
            List<ReportReady> mine = byCase.get(r.getCaseId());
            assertNotNull(mine, r.getCaseId() + " has a ReportReady");
            ReportReady rr = mine.get(mine.size() - 1);
            assertEquals(r.getModelVersion(), rr.getModelVersion(), r.getCaseId());
            assertFalse(rr.getUris().isEmpty(), r.getCaseId() + " report URIs");
            for (String uri : rr.getUris()) {
                Path file = Path.of(URI.create(uri));
                assertTrue(Files.isRegularFile(file) && Files.size(file) > 0, "report file " + uri);
            }
        }
        assertTrue(reports.stream().anyMatch(r -> r.getKind() != ReportKind.CASE), "a model report too");
    }

    @Test
    void summaryJsonHasTheDocumentedFieldsAndTheRunsCounts() {
        assertTrue(summary.complete(), "every case resolved, none scored twice: " + summary.unresolved());
        int expectedScores = PATIENTS - EXPECTED_DLQ.size() - (sendWithStorescu ? 0 : 1);
        // the corrupt and the incomplete study never become cases; the others (ALB ones included) do
        assertEquals(PATIENTS - 2 - (sendWithStorescu ? 0 : 1), summaryJson.get("cases_in").asInt(), "cases_in");
        assertEquals(expectedScores, summaryJson.get("risk_scores").asInt(), "risk_scores");
        assertEquals(deadLetters.size(), summaryJson.get("dlq").asInt(), "dlq = dead letters on the topic");
        assertEquals(0, summaryJson.get("unresolved_cases").size());
        for (String m : List.of("T1WI", "T2WI", "AP", "PVP", "DP", "CE-MRI", "mpMRI", "clinical", "nomogram")) {
            JsonNode auc = summaryJson.path("models").path(m).path("auc_validation");
            assertTrue(auc.isNumber() && auc.asDouble() >= 0 && auc.asDouble() <= 1, m + " auc_validation " + auc);
        }
        assertTrue(summaryJson.get("throughput_cases_per_s").asDouble() > 0);
        JsonNode lat = summaryJson.get("latency_ms");
        assertTrue(lat.get("p50").asLong() > 0 && lat.get("p95").asLong() >= lat.get("p50").asLong(), lat.toString());
        for (String stage : List.of("preprocessing", "feature-extraction", "quality-gate", "inference", "reporting")) {
            assertTrue(lat.path("stages").path(stage).has("p95"), stage + " latency in " + lat);
        }
        assertTrue(demoLog.contains("cases in"), "progress was printed");
    }

    @Test
    void badInputsEndInTheDlqWithTheirReasonWithoutPatientDataWhileTheOthersFlow() {
        for (Map.Entry<String, String> e : EXPECTED_DLQ.entrySet()) {
            String id = caseId(e.getKey());
            List<String> reasons = deadLetters.stream().filter(d -> id.equals(d.getCaseId()))
                    .map(d -> d.getStage() + "/" + d.getReasonCode()).toList();
            assertTrue(reasons.contains(e.getValue()), e.getKey() + " (" + id + ") dead letters " + reasons
                    + ", expected " + e.getValue());
            assertTrue(riskScores.stream().noneMatch(r -> r.getCaseId().equals(id)), e.getKey() + " has no risk score");
        }
        // no patient ID, name or folder name in any byte of any dead letter (the generator's PatientName is ID^PSEUDONYM)
        for (byte[] raw : deadLetterBytes) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            assertFalse(text.matches("(?s).*RS-\\d{4}.*"), "a patient ID in a dead letter: " + text);
            assertFalse(text.contains("PSEUDONYM"), "a patient name in a dead letter: " + text);
        }
        assertTrue(deadLetters.stream().allMatch(d -> d.getReasonCode() != null && !d.getReasonCode().isBlank()
                && d.getMessage() != null && !d.getMessage().isBlank()), "every dead letter says why");
    }

    @Test
    void aStudySentWithStorescuToTheScpIsScored() {
        assumeTrue(sendWithStorescu, "storescu (dcmtk) not installed; skipping the C-STORE case");
        assertNull(senderFailure, () -> "sending the held-back patient failed: " + senderFailure + "\n" + senderLog);
        String id = caseId(HELD_BACK);
        List<StudyReceived> mine = studies.stream().filter(s -> s.getCaseId().equals(id)).toList();
        assertEquals(1, mine.size(), "one study of the held-back patient\n" + senderLog);
        assertEquals("c-store", mine.get(0).getSource());
        assertEquals(5, mine.get(0).getSeries().size());
        // the ROIs came as DICOM SEG over the same association
        assertTrue(mine.get(0).getRois().size() >= 5, "SEG ROIs: " + mine.get(0).getRois());
        List<RiskScore> scores = riskScores.stream().filter(r -> r.getCaseId().equals(id)).toList();
        assertEquals(1, scores.size(), "the C-STORE study is scored once\n" + senderLog);
        assertTrue(scores.get(0).getScoredAt().isAfter(models.get(0).getCreatedAt()), "scored after the first model");
    }

    @Test
    void kcatReadsRiskScoresThatPlainAvroDecodesWithTheSchemaFetchedById() {
        assumeTrue(kcatScores != null, "kcat not installed; skipping the outside-consumer check");
        assertEquals(riskScores.size(), kcatScores.size(), "kcat sees every committed risk score");
        for (Schema s : kcatSchemas) {
            assertEquals(RISK_SCORE_FIELDS, s.getFields().stream().map(Schema.Field::name).toList(), "writer schema fields");
        }
        Map<String, RiskScore> javaSide = riskScores.stream().collect(Collectors.toMap(RiskScore::getCaseId, r -> r));
        for (GenericRecord g : kcatScores) {
            String id = g.get("caseId").toString();
            RiskScore r = javaSide.get(id);
            assertNotNull(r, "kcat's " + id + " is a case the pipeline scored");
            assertEquals(r.getModelName(), g.get("modelName").toString());
            assertEquals(r.getModelVersion(), g.get("modelVersion"));
            assertEquals(r.getRadScore(), (Double) g.get("radScore"), 0.0);
            assertEquals(r.getTotalPoints(), (Double) g.get("totalPoints"), 0.0);
            assertEquals(r.getProbability(), (Double) g.get("probability"), 0.0);
            assertEquals(r.getRiskBand().name(), g.get("riskBand").toString());
            assertEquals(r.getPoints().size(), ((List<?>) g.get("points")).size());
            assertTrue(((Map<?, ?>) g.get("stageTimes")).size() >= 2, "stage times " + g.get("stageTimes"));
            assertEquals(r.getScoredAt().toEpochMilli(), ((Number) g.get("scoredAt")).longValue());
        }
    }

    // ------------------------------------------------------------------------------------------------ damage

    /** Damages five patients of the generated cohort, one way each. */
    static void damage(Path cohort) throws IOException {
        Path patients = cohort.resolve("patients");
        // a DICOM file that is not DICOM any more
        Files.write(patients.resolve(CORRUPT).resolve("PVP/IM0005.dcm"),
                "this was an MR image; a broken transfer left only this".getBytes(StandardCharsets.US_ASCII));
        // the delayed phase never arrived, nor its ROIs
        deleteTree(patients.resolve(MISSING_SERIES).resolve("DP"));
        try (Stream<Path> s = Files.list(patients.resolve(MISSING_SERIES).resolve("roi"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("DP_")).toList()) {
                Files.delete(p);
            }
        }
        // reader A's T2WI ROI without a single voxel of the lesion: the NIfTI only (ingestion prefers SEG)
        Path roi = patients.resolve(EMPTY_MASK).resolve("roi");
        Files.delete(roi.resolve("T2WI_reader_a.seg.dcm"));
        zeroNifti(roi.resolve("T2WI_reader_a.nii.gz"));
        // clinical.csv: one row without albumin, one with an implausible value
        editCsv(cohort.resolve("clinical.csv"), (header, row) -> {
            int alb = header.indexOf("alb");
            if (row.get(0).equals(NO_ALB)) {
                row.set(alb, "");
            } else if (row.get(0).equals(ALB_OUT_OF_RANGE)) {
                row.set(alb, "95.0");
            }
            return true;
        });
    }

    /** Moves the held-back patient's study out of the import folder and its CSV rows out of the CSV files. */
    static void holdBack(Path cohort) throws IOException {
        Files.move(cohort.resolve("patients").resolve(HELD_BACK), dir.resolve("held-back"));
        for (String csv : List.of("clinical", "outcomes")) {
            editCsv(cohort.resolve(csv + ".csv"), (header, row) -> {
                if (!row.get(0).equals(HELD_BACK)) {
                    return true;
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), row.get(i));
                }
                heldBackRows.put(csv, m);
                return false;
            });
        }
        assertEquals(Set.of("clinical", "outcomes"), heldBackRows.keySet());
    }

    /** Once the first model is published: the study and its SEG ROIs with storescu, then its records over REST. */
    static void sendHeldBackPatient(RadstreamConfig config) {
        try {
            Properties p = ClientProperties.consumer(config, "acceptance-model-watch");
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
                c.subscribe(List.of(Topics.MODELS.name()));
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
                while (c.poll(Duration.ofMillis(500)).isEmpty()) {
                    if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("no model published within 15 minutes");
                    }
                }
            }
            senderLog.add("model published; sending " + HELD_BACK);
            List<String> cmd = new ArrayList<>(List.of("storescu", "--required", "-aec", "RADSTREAM", "127.0.0.1",
                    Integer.toString(scpPort)));
            try (Stream<Path> w = Files.walk(dir.resolve("held-back"))) {
                w.filter(f -> f.toString().endsWith(".dcm")).map(Path::toString).sorted().forEach(cmd::add);
            }
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!proc.waitFor(120, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                throw new IllegalStateException("storescu of " + (cmd.size() - 6) + " files failed:\n" + out);
            }
            senderLog.add("storescu sent " + (cmd.size() - 6) + " files");
            HttpClient http = HttpClient.newHttpClient();
            for (Map.Entry<String, Map<String, String>> row : heldBackRows.entrySet()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/" + row.getKey()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(row.getValue()))).build(),
                        HttpResponse.BodyHandlers.ofString());
                senderLog.add("POST /" + row.getKey() + " → " + r.statusCode() + " " + r.body());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("POST /" + row.getKey() + " answered " + r.statusCode() + ": " + r.body());
                }
            }
        } catch (Throwable t) {
            senderFailure = t;
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    static void readTopics(RadstreamConfig config) throws Exception {
        if (sender != null) {
            sender.join(TimeUnit.MINUTES.toMillis(2));
        }
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistrySettings.fromConfluentConfig(config.registryClientConfig()));
        studies = decode(registry, Topics.STUDIES_RECEIVED, read(config, Topics.STUDIES_RECEIVED));
        caseFeatures = decode(registry, Topics.FEATURES_CASE, read(config, Topics.FEATURES_CASE));
        clinical = decode(registry, Topics.CLINICAL, read(config, Topics.CLINICAL));
        models = decode(registry, Topics.MODELS, read(config, Topics.MODELS));
        riskScores = decode(registry, Topics.RISK_SCORES, read(config, Topics.RISK_SCORES));
        reports = decode(registry, Topics.REPORTS, read(config, Topics.REPORTS));
        deadLetterBytes = read(config, Topics.DLQ);
        deadLetters = decode(registry, Topics.DLQ, deadLetterBytes);
        if (onPath("kcat", "kcat is required in CI (apt-get install kcat)")) {
            readWithKcat(config);
        }
    }

    /** Every committed value of a topic, in partition order. */
    static List<byte[]> read(RadstreamConfig config, TopicSpec topic) {
        Properties p = ClientProperties.consumer(config, "acceptance-reader");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<byte[]> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic.name() + " to its end");
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (r.value() != null) {
                        values.add(r.value());
                    }
                }
            }
        }
        return values;
    }

    static <T extends SpecificRecord> List<T> decode(SchemaRegistryClient registry, TopicSpec topic, List<byte[]> values) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) topic.valueType();
        ConfluentAvroDeserializer<T> d = new ConfluentAvroDeserializer<>(registry, type, RecordPart.VALUE);
        return values.stream().map(v -> d.deserialize(topic.name(), v)).toList();
    }

    /** kcat -f '%R%s': each value as a 4-byte big-endian length and the raw bytes (kcat -h); then plain Avro. */
    static void readWithKcat(RadstreamConfig config) throws Exception {
        Process p = new ProcessBuilder("kcat", "-C", "-b", config.bootstrapServers(), "-t", Topics.RISK_SCORES.name(),
                "-o", "beginning", "-e", "-q", "-f", "%R%s").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kcat did not finish");
        assertEquals(0, p.exitValue(), "kcat exit code");
        ByteBuffer buf = ByteBuffer.wrap(out);
        List<GenericRecord> decoded = new ArrayList<>();
        Map<Integer, Schema> schemas = new LinkedHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        while (buf.remaining() >= 4) {
            byte[] v = new byte[buf.getInt()];
            buf.get(v);
            assertEquals(0, v[0], "magic byte");
            int id = ByteBuffer.wrap(v, 1, 4).getInt();
            Schema writer = schemas.get(id);
            if (writer == null) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(config.registryUrl() + "/schemas/ids/" + id))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                writer = new Schema.Parser().parse(JSON.readTree(r.body()).get("schema").asText());
                schemas.put(id, writer);
            }
            BinaryDecoder dec = DecoderFactory.get().binaryDecoder(v, 5, v.length - 5, null);
            decoded.add(new GenericDatumReader<GenericRecord>(writer).read(null, dec));
            assertTrue(dec.isEnd(), "whole payload consumed");
        }
        assertEquals(0, buf.remaining(), "kcat output framing");
        kcatScores = decoded;
        kcatSchemas = List.copyOf(schemas.values());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The inputs ModelScorer takes: {@code SEQUENCE_feature} → value (as services/inference's CaseScoring maps them). */
    static Map<String, Double> featureMap(CaseFeatures c) {
        Map<String, Double> m = new LinkedHashMap<>();
        c.getSequences().forEach(fv -> {
            for (int i = 0; i < fv.getNames().size(); i++) {
                m.put(fv.getSequence().name() + "_" + fv.getNames().get(i), fv.getValues().get(i));
            }
        });
        return m;
    }

    /** caseId as ingestion documents it: {@code c} + the first 128 bits of HMAC-SHA256(key, "patient\0" + PatientID). */
    static String caseId(String patientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal(("patient\0" + patientId).getBytes(StandardCharsets.UTF_8));
            return "c" + HexFormat.of().formatHex(h, 0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets every voxel of a gzipped NIfTI-1 label image to 0 (data starts at the header's vox_offset, byte 108). */
    static void zeroNifti(Path file) throws IOException {
        byte[] b;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            b = in.readAllBytes();
        }
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt(0) != 348) {
            h.order(ByteOrder.BIG_ENDIAN);
        }
        assertEquals(348, h.getInt(0), "NIfTI-1 header size of " + file);
        int offset = (int) h.getFloat(108);
        java.util.Arrays.fill(b, offset, b.length, (byte) 0);
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(b);
        }
    }

    interface RowEdit {
        /** Edits {@code row} in place; false drops it. */
        boolean apply(List<String> header, List<String> row);
    }

    /** Rewrites a simple CSV (no quoted commas, as the generator writes it) row by row. */
    static void editCsv(Path csv, RowEdit edit) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(line.split(",", -1)));
            if (edit.apply(header, row)) {
                out.add(String.join(",", row));
            }
        }
        Files.write(csv, out);
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Whether a program is on the PATH; in CI ({@code CI=true}) its absence fails. */
    static boolean onPath(String program, String ciMessage) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(ciMessage);
        }
        return false;
    }

    /** Writes to two streams: the run's log is kept and still shown in the test output. */
    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
