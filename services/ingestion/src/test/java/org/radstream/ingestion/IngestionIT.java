package org.radstream.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import org.radstream.events.ClinicalRecord;
import org.radstream.events.DeadLetter;
import org.radstream.events.Outcome;
import org.radstream.events.Reader;
import org.radstream.events.RoiRef;
import org.radstream.events.Sequence;
import org.radstream.events.SeriesRef;
import org.radstream.events.StudyReceived;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.embedded.EmbeddedPlatform;
import org.radstream.streaming.metrics.MetricsHttpHandler;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ServiceRunner;
import org.radstream.streaming.stage.StageSettings;
import org.radstream.streaming.serde.ConfluentAvroDeserializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;
import org.radstream.streaming.config.Secret;

/**
 * Ingestion on the embedded broker and registry with generated cohorts. Every test runs its own service with its
 * own pseudonymisation key, so its caseIds are its own and the tests share the topics without seeing each
 * other's records.
 */
class IngestionIT {

    @TempDir
    static Path dir;
    static EmbeddedPlatform platform;
    static Path cohort;
    static SchemaRegistryClient registry;

    @BeforeAll
    static void start() throws Exception {
        platform = EmbeddedPlatform.start(dir.resolve("platform"));
        registry = new SchemaRegistryClient(RegistrySettings.of(platform.registryUrl()));
        // the cohort as `radstream cohort generate --patients 4 --er 2 --seed 1` lays it out
        cohort = dir.resolve("cohort");
        org.radstream.imaging.synth.CohortGenerator.generate(
                org.radstream.imaging.synth.CohortSettings.defaults().with(4, 2, 1).withThreads(2), cohort);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    static final List<String> PATIENTS = List.of("RS-0001", "RS-0002", "RS-0003", "RS-0004");

    /** A running ingestion service with its own key and directories. */
    record Running(ServiceRunner.Running runner, IngestionService service, Pseudonymiser pseudo, Path work,
            StageMetrics metrics) implements AutoCloseable {
        Set<String> caseIds() {
            return PATIENTS.stream().map(pseudo::caseId).collect(Collectors.toSet());
        }

        @Override
        public void close() {
            runner.close();
            metrics.close();
        }
    }

    static Running startService(Map<String, String> extra) throws Exception {
        Path work = dir.resolve("run-" + UUID.randomUUID());
        String key = "it-key-" + UUID.randomUUID();
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("--blob-dir", work.resolve("blobs").toString());
        flags.put("--spool-dir", work.resolve("spool").toString());
        flags.put("--scp-port", "-1");
        flags.put("--http-port", "-1");
        flags.put("--http-host", "127.0.0.1");
        flags.put("--health-host", "127.0.0.1");
        flags.put("--health-port", "0");
        flags.putAll(extra);
        StageSettings settings = StageSettings.load(Ingestion.STAGE, IngestionMain.FLAGS, flags,
                Map.of("RADSTREAM_INGESTION_PSEUDONYM_KEY", key));
        DeadLetterCounts counts = new DeadLetterCounts();
        StageMetrics metrics = new StageMetrics(Ingestion.STAGE, counts);
        IngestionService service = (IngestionService) IngestionMain.DEFINITION.factory().create(RadstreamConfig.local(
                platform.bootstrapServers(), platform.registryUrl()), settings, metrics, counts);
        ServiceRunner.Running r = ServiceRunner.start(service, settings.runner(),
                Map.of(MetricsHttpHandler.PATH, new MetricsHttpHandler(metrics)));
        return new Running(r, service, new Pseudonymiser(new Secret(key)), work, metrics);
    }

    @Test
    void cohortFolderYieldsFourStudiesClinicalRecordsAndOutcomesWithoutPhi() throws Exception {
        try (Running run = startService(Map.of("--folder", cohort.toString()))) {
            Set<String> ids = run.caseIds();
            List<ConsumerRecord<String, byte[]>> studies = read(Topics.STUDIES_RECEIVED, ids, 4);
            List<ConsumerRecord<String, byte[]>> clinical = read(Topics.CLINICAL, ids, 4);
            List<ConsumerRecord<String, byte[]>> outcomes = read(Topics.OUTCOMES, ids, 4);
            assertEquals(ids, studies.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
            assertEquals(ids, clinical.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
            assertEquals(ids, outcomes.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));

            Path blobs = run.work().resolve("blobs").toAbsolutePath();
            for (ConsumerRecord<String, byte[]> r : studies) {
                StudyReceived s = decode(r, StudyReceived.class);
                assertEquals(r.key(), s.getCaseId());
                assertEquals("folder", s.getSource());
                assertEquals(List.of(Sequence.T1WI, Sequence.T2WI, Sequence.AP, Sequence.PVP, Sequence.DP),
                        s.getSeries().stream().map(SeriesRef::getSequence).toList());
                for (SeriesRef sr : s.getSeries()) {
                    Path p = Path.of(URI.create(sr.getSeriesUri()));
                    assertTrue(p.startsWith(blobs.resolve(s.getCaseId())), sr.getSeriesUri());
                    try (Stream<Path> files = Files.list(p)) {
                        assertEquals(14, files.count()); // the generator's 14 slices
                    }
                    assertEquals(14, sr.getInstances());
                }
                // reader A on all five sequences (reader B re-drew the generator's reader-B cases)
                assertEquals(5, s.getRois().stream().filter(x -> x.getReader() == Reader.A).count());
                for (RoiRef roi : s.getRois()) {
                    assertTrue(Files.isRegularFile(Path.of(URI.create(roi.getUri()))), roi.getUri());
                }
            }
            // clinical values arrive as in clinical.csv (RS-0001: age 63, ALB 36.7, 1 tumour of 2.2 cm)
            ClinicalRecord c1 = clinical.stream().filter(r -> r.key().equals(run.pseudo().caseId("RS-0001")))
                    .map(r -> decode(r, ClinicalRecord.class)).findFirst().orElseThrow();
            List<String> row = Files.readAllLines(cohort.resolve("clinical.csv")).stream()
                    .filter(l -> l.startsWith("RS-0001,")).findFirst().map(List::of).orElseThrow();
            String[] f = row.get(0).split(",");
            assertEquals(Double.parseDouble(f[1]), c1.getAgeYears());
            assertEquals(Double.parseDouble(f[3]), c1.getAlbGPerL());
            assertEquals(Integer.parseInt(f[11]), c1.getTumorNumber());
            assertEquals(Double.parseDouble(f[12]) * 10, c1.getTumorSizeMm(), 1e-9);
            Outcome o = outcomes.stream().map(r -> decode(r, Outcome.class))
                    .filter(x -> x.getCaseId().equals(run.pseudo().caseId("RS-0003"))).findFirst().orElseThrow();
            assertTrue(o.getEarlyRecurrence()); // outcomes.csv: RS-0003,1,12.9
            assertEquals(12.9, o.getFollowupMonths());

            // PHI: no patient ID or name in any byte of any record of this run, keys included
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(studies);
            all.addAll(clinical);
            all.addAll(outcomes);
            for (ConsumerRecord<String, byte[]> r : all) {
                String text = r.key() + new String(r.value(), StandardCharsets.ISO_8859_1);
                for (String p : PATIENTS) {
                    assertFalse(text.contains(p), "patient ID in " + r.topic());
                    assertFalse(text.contains(p + "^PSEUDONYM"), "patient name in " + r.topic());
                }
            }
            assertEquals(new Ingestion.Summary(4, 4, 4, 0), awaitSummary(run));

            // health and Prometheus metrics on the runner's port
            int hp = run.runner().healthPort();
            assertEquals(200, get(hp, "/health/ready").statusCode());
            String metrics = get(hp, "/metrics").body();
            assertTrue(metrics.contains("radstream_stage_records_in_total{stage=\"ingestion\"} 12.0"), metrics);
            assertTrue(metrics.contains("radstream_stage_records_out_total{stage=\"ingestion\"} 12.0"), metrics);
            assertTrue(metrics.contains("radstream_stage_processing_seconds_count{stage=\"ingestion\"} 4"), metrics);
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("kafka_producer_record_send_total{")), metrics);
        }
    }

    @Test
    void badInputsGoToTheDlqWithTheirReasonWhileTheOtherCasesFlow() throws Exception {
        Path broken = dir.resolve("broken-" + UUID.randomUUID());
        Cohorts.copyTree(cohort, broken);
        Files.write(broken.resolve("patients/RS-0002/T2WI/IM0005.dcm"), "not DICOM at all".repeat(20).getBytes(StandardCharsets.US_ASCII));
        Cohorts.deleteTree(broken.resolve("patients/RS-0004/DP"));
        Path csv = broken.resolve("clinical.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f[0].equals("RS-0003")) {
                f[3] = "380"; // g/L typed for 38.0
            } else if (f[0].equals("RS-0001")) {
                f[3] = ""; // not measured
            }
            lines.set(i, String.join(",", f));
        }
        Files.write(csv, lines);
        try (Running run = startService(Map.of("--folder", broken.toString()))) {
            Set<String> ids = run.caseIds();
            String c2 = run.pseudo().caseId("RS-0002");
            String c3 = run.pseudo().caseId("RS-0003");
            String c1 = run.pseudo().caseId("RS-0001");
            String c4 = run.pseudo().caseId("RS-0004");
            List<ConsumerRecord<String, byte[]>> dlq = read(Topics.DLQ, ids, 4);
            assertEquals(4, dlq.size());
            Map<String, DeadLetter> byCase = dlq.stream().map(r -> decode(r, DeadLetter.class))
                    .collect(Collectors.toMap(DeadLetter::getCaseId, d -> d));
            assertEquals("CORRUPT_DICOM", byCase.get(c2).getReasonCode());
            assertTrue(byCase.get(c2).getMessage().contains("T2WI/IM0005.dcm"), byCase.get(c2).getMessage());
            assertTrue(byCase.get(c2).getSourceUri().contains("/quarantine/"));
            assertEquals("ingestion", byCase.get(c2).getStage());
            assertEquals("ALB_OUT_OF_RANGE", byCase.get(c3).getReasonCode());
            assertTrue(byCase.get(c3).getSourceUri().endsWith("clinical.csv#line=4"), byCase.get(c3).getSourceUri());
            assertEquals("ALB_MISSING", byCase.get(c1).getReasonCode());
            assertEquals("MISSING_SEQUENCE", byCase.get(c4).getReasonCode());
            assertTrue(byCase.get(c4).getMessage().contains("no series for DP"), byCase.get(c4).getMessage());
            for (DeadLetter d : byCase.values()) {
                for (String p : PATIENTS) {
                    assertFalse(d.toString().contains(p), "patient ID in a dead letter: " + d);
                }
            }
            // the others flow: studies of RS-0001 and RS-0003, clinical records of RS-0002 and RS-0004, 4 outcomes
            assertEquals(Set.of(c1, c3), keys(read(Topics.STUDIES_RECEIVED, ids, 2)));
            assertEquals(Set.of(c2, c4), keys(read(Topics.CLINICAL, ids, 2)));
            assertEquals(ids, keys(read(Topics.OUTCOMES, ids, 4)));
            assertEquals(new Ingestion.Summary(2, 2, 4, 4), awaitSummary(run));
            String metrics = get(run.runner().healthPort(), "/metrics").body();
            assertTrue(metrics.contains("radstream_dlq_records_total{reason=\"CORRUPT_DICOM\",stage=\"ingestion\"} 1.0"), metrics);
            assertTrue(metrics.contains("radstream_dlq_records_total{reason=\"ALB_OUT_OF_RANGE\",stage=\"ingestion\"} 1.0"), metrics);
        }
    }

    @Test
    void storescuSendsAStudyThatIsEmittedOnceAfterTheQuietPeriod() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(storescuAvailable(), "storescu (dcmtk) not installed");
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Running run = startService(Map.of("--scp-port", Integer.toString(port),
                "--quiet-period", "PT2S"))) {
            List<String> files;
            try (Stream<Path> w = Files.walk(cohort.resolve("patients/RS-0004"))) {
                files = w.filter(p -> p.toString().endsWith(".dcm")).map(Path::toString).sorted().toList();
            }
            List<String> cmd = new ArrayList<>(List.of("storescu", "--required", "-aec", "RADSTREAM", "127.0.0.1", Integer.toString(port)));
            cmd.addAll(files);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "storescu failed:\n" + out);

            String c4 = run.pseudo().caseId("RS-0004");
            List<ConsumerRecord<String, byte[]>> studies = read(Topics.STUDIES_RECEIVED, Set.of(c4), 1);
            StudyReceived s = decode(studies.get(0), StudyReceived.class);
            assertEquals("c-store", s.getSource());
            assertEquals(5, s.getSeries().size());
            // the SEG objects arrived over DICOM too: reader and sequence come from their headers
            assertEquals(5, s.getRois().stream().filter(x -> x.getReader() == Reader.A).count());
            assertTrue(s.getRois().stream().allMatch(x -> x.getFormat() == org.radstream.events.RoiFormat.DICOM_SEG));
            // exactly one: wait two more quiet periods and look again
            Thread.sleep(5000);
            assertEquals(1, read(Topics.STUDIES_RECEIVED, Set.of(c4), 1).size());
            try (Stream<Path> left = Files.list(run.work().resolve("spool/incoming"))) {
                assertEquals(0, left.count(), "spooled files of an emitted study are removed");
            }
        }
    }

    @Test
    void restEndpointTakesClinicalRecordsAndDeadLettersBadOnes() throws Exception {
        try (Running run = startService(Map.of("--http-port", "0"))) {
            int port = run.service().recordsPort();
            HttpResponse<String> ok = post(port, "/clinical",
                    "{\"patient_id\":\"RS-0001\",\"age\":63,\"sex\":\"M\",\"alb\":36.7,\"tumor_number\":1,\"hbsag\":true}");
            assertEquals(200, ok.statusCode(), ok.body());
            HttpResponse<String> mixed = post(port, "/clinical",
                    "[{\"patient_id\":\"RS-0002\",\"alb\":45.3},{\"patient_id\":\"RS-0003\",\"alb\":null}]");
            assertEquals(422, mixed.statusCode(), mixed.body());
            assertTrue(mixed.body().contains("\"reason\":\"ALB_MISSING\""), mixed.body());
            assertFalse(mixed.body().contains("RS-0003"), mixed.body());
            HttpResponse<String> outcome = post(port, "/outcomes",
                    "{\"patient_id\":\"RS-0001\",\"early_recurrence\":0,\"followup_months\":27.2}");
            assertEquals(200, outcome.statusCode(), outcome.body());
            assertEquals(400, post(port, "/clinical", "not json").statusCode());

            Set<String> ids = run.caseIds();
            ClinicalRecord c = decode(read(Topics.CLINICAL, Set.of(run.pseudo().caseId("RS-0001")), 1).get(0), ClinicalRecord.class);
            assertEquals(36.7, c.getAlbGPerL());
            assertTrue(c.getHbsagPositive());
            assertEquals(2, read(Topics.CLINICAL, ids, 2).size());
            assertEquals(1, read(Topics.OUTCOMES, ids, 1).size());
            DeadLetter d = decode(read(Topics.DLQ, Set.of(run.pseudo().caseId("RS-0003")), 1).get(0), DeadLetter.class);
            assertEquals("ALB_MISSING", d.getReasonCode());
            assertEquals("urn:radstream:rest:/clinical#item=1", d.getSourceUri());
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Whether dcmtk's storescu is on the PATH; in CI ({@code CI=true}) its absence fails the test. */
    static boolean storescuAvailable() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, "storescu"))) {
                return true;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("storescu (Debian dcmtk) is required in CI; run scripts/setup --test-tools");
        }
        return false;
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(int port, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Ingestion.Summary awaitSummary(Running run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (run.service().folderSummary() == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return run.service().folderSummary();
    }

    static Set<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    static <T extends SpecificRecord> T decode(ConsumerRecord<String, byte[]> r, Class<T> type) {
        try (ConfluentAvroDeserializer<T> d = new ConfluentAvroDeserializer<>(registry, type, RecordPart.VALUE)) {
            return d.deserialize(r.topic(), r.value());
        }
    }

    /**
     * Every record of the topic whose key is in {@code keys}, read from the beginning until at least
     * {@code expected} arrived (or 120 s passed), then for one more second to catch extras.
     */
    static List<ConsumerRecord<String, byte[]>> read(TopicSpec topic, Set<String> keys, int expected) {
        var props = new java.util.Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (parts.isEmpty() && System.nanoTime() < deadline) {
                c.partitionsFor(topic.name()).forEach(pi -> parts.add(new TopicPartition(pi.topic(), pi.partition())));
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            long extra = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, extra)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && keys.contains(r.key())) {
                        out.add(r);
                    }
                }
                if (out.size() >= expected && extra == Long.MAX_VALUE) {
                    extra = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                }
            }
        }
        assertTrue(out.size() >= expected, "expected " + expected + " records on " + topic.name() + ", got " + out.size());
        return out;
    }
}
