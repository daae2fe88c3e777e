package org.radstream.featureextraction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.DeadLetter;
import org.radstream.events.FeatureVector;
import org.radstream.events.Reader;
import org.radstream.events.RoiFormat;
import org.radstream.events.RoiRef;
import org.radstream.events.Sequence;
import org.radstream.events.SeriesRef;
import org.radstream.events.StudyReceived;
import org.radstream.imaging.dicom.DicomSeriesReader;
import org.radstream.imaging.dicom.SeriesVolume;
import org.radstream.imaging.preprocess.PreprocessedRoi;
import org.radstream.imaging.preprocess.PreprocessingSettings;
import org.radstream.imaging.preprocess.RoiPreprocessor;
import org.radstream.imaging.roi.RoiLoader;
import org.radstream.imaging.synth.CohortGenerator;
import org.radstream.imaging.synth.CohortSettings;
import org.radstream.preprocessing.EventConverter;
import org.radstream.preprocessing.PreprocessingMain;
import org.radstream.streaming.stage.StageSettings;
import org.radstream.radiomics.ParameterSet;
import org.radstream.radiomics.RadiomicsExtractor;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.embedded.EmbeddedPlatform;
import org.radstream.streaming.metrics.MetricsHttpHandler;
import org.radstream.streaming.metrics.PrometheusTextParser;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ManagedService;
import org.radstream.streaming.runtime.ServiceRunner;
import org.radstream.streaming.serde.ConfluentAvroDeserializer;
import org.radstream.streaming.serde.ConfluentAvroSerializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;

/**
 * Preprocessing and feature extraction on the embedded platform (KRaft broker + Apicurio registry): a generated
 * 3-patient cohort (reader B for one) plus a copy of one patient with a truncated DICOM file, published as
 * StudyReceived events with file: URIs. Preprocessing runs one instance, feature extraction two of the same
 * consumer group. Checks: one PreprocessedRoi and one FeatureVector (1316 names) per (sequence, reader) of the
 * good cases; their voxels equal the imaging library run directly on the same files (bit for bit) and their
 * values the radiomics library run on that result; the corrupt case is dead-lettered as CORRUPT_DICOM by
 * preprocessing (and counted in its metrics), a ROI event with an empty mask as FEATURE_NOT_COMPUTABLE by feature
 * extraction.
 */
class StagesIT {

    @TempDir
    static Path dir;
    static EmbeddedPlatform platform;
    static SchemaRegistryClient registry;
    static Path cohort;
    static List<Path> patients;
    static final List<AutoCloseable> running = new ArrayList<>();
    static final List<ServiceRunner.Running> services = new ArrayList<>();
    static ServiceRunner.Running preprocessing;
    static final String CORRUPT_CASE = "corrupt-case";
    static final String EMPTY_ROI_CASE = "empty-roi-case";

    @BeforeAll
    static void start() throws Exception {
        platform = EmbeddedPlatform.start(dir.resolve("platform"));
        registry = new SchemaRegistryClient(RegistrySettings.of(platform.registryUrl()));
        cohort = dir.resolve("blobs");
        CohortGenerator.generate(CohortSettings.defaults().with(3, 1, 11).withReaderBCases(1).withSlices(10)
                .withThreads(2), cohort);
        try (Stream<Path> s = Files.list(cohort.resolve("patients"))) {
            patients = s.sorted().toList();
        }
        RadstreamConfig config = RadstreamConfig.local(platform.bootstrapServers(), platform.registryUrl());
        preprocessing = start(PreprocessingMain.STAGE, config, PreprocessingMain::service);
        start(FeatureExtractionMain.STAGE, config, FeatureExtractionMain::service);
        start(FeatureExtractionMain.STAGE, config, FeatureExtractionMain::service);
        awaitGroupMembers(FeatureExtractionMain.STAGE, 2);
    }

    interface Factory {
        ManagedService create(RadstreamConfig c, StageSettings s, StageMetrics m, DeadLetterCounts d);
    }

    static ServiceRunner.Running start(String stage, RadstreamConfig config, Factory f) {
        StageSettings settings = StageSettings.defaults(stage).withBlobDir(cohort).withHealthPort(0);
        DeadLetterCounts counts = new DeadLetterCounts();
        StageMetrics metrics = new StageMetrics(stage, counts);
        ServiceRunner.Running r = ServiceRunner.start(f.create(config, settings, metrics, counts),
                settings.runner().withHealthHost("127.0.0.1"), Map.of(MetricsHttpHandler.PATH, new MetricsHttpHandler(metrics)));
        running.add(metrics);
        running.add(r);
        services.add(r);
        return r;
    }

    @AfterAll
    static void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everySequenceAndReaderFlowsThroughBothStagesAndTheCorruptCaseIsDeadLettered() throws Exception {
        // the studies: the three patients, and a copy of the first with one slice of its T1WI cut short
        List<StudyReceived> studies = new ArrayList<>();
        Map<String, Path> folderOf = new HashMap<>();
        for (Path p : patients) {
            studies.add(study(p.getFileName().toString(), p));
            folderOf.put(p.getFileName().toString(), p);
        }
        Path bad = cohort.resolve("corrupt").resolve(CORRUPT_CASE);
        copyTree(patients.get(0), bad);
        Path victim;
        try (Stream<Path> s = Files.list(bad.resolve("T1WI"))) {
            victim = s.sorted().skip(4).findFirst().orElseThrow();
        }
        Files.write(victim, java.util.Arrays.copyOf(Files.readAllBytes(victim), 300));
        studies.add(1, study(CORRUPT_CASE, bad));

        Map<String, Integer> readersOf = new HashMap<>();
        int expected = 0;
        for (StudyReceived s : studies) {
            if (!s.getCaseId().equals(CORRUPT_CASE)) {
                int readers = (int) s.getRois().stream().map(RoiRef::getReader).distinct().count();
                readersOf.put(s.getCaseId(), readers);
                expected += 5 * readers;
            }
        }
        assertEquals(3, readersOf.size());
        assertTrue(readersOf.containsValue(2), "one patient has reader B: " + readersOf);

        try (KafkaProducer<String, SpecificRecord> p = new KafkaProducer<>(producerProps(), new StringSerializer(),
                new ConfluentAvroSerializer<>(registry, RecordPart.VALUE, SchemaRegistration.AUTO_REGISTER))) {
            for (StudyReceived s : studies) {
                p.send(new ProducerRecord<>(Topics.STUDIES_RECEIVED.name(), s.getCaseId(), s)).get();
            }
            // and straight to feature extraction: a ROI event whose mask is empty, which the radiomics library refuses
            p.send(new ProducerRecord<>(Topics.ROIS_PREPROCESSED.name(), EMPTY_ROI_CASE, emptyRoi())).get();
        }

        List<ConsumerRecord<String, byte[]>> rois = read(Topics.ROIS_PREPROCESSED, expected + 1);
        rois.removeIf(r -> r.key().equals(EMPTY_ROI_CASE));
        List<ConsumerRecord<String, byte[]>> vectors = read(Topics.FEATURES_EXTRACTED, expected);
        Map<String, DeadLetter> dead = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : read(Topics.DLQ, 2)) {
            DeadLetter d = decode(r, DeadLetter.class);
            dead.put(d.getCaseId(), d);
        }

        // the empty ROI: dead-lettered by feature extraction
        DeadLetter empty = dead.get(EMPTY_ROI_CASE);
        assertEquals("feature-extraction", empty.getStage());
        assertEquals("FEATURE_NOT_COMPUTABLE", empty.getReasonCode());
        assertEquals(Topics.ROIS_PREPROCESSED.name(), empty.getSourceTopic());

        // the corrupt case: one dead letter from preprocessing, nothing emitted for it
        DeadLetter dl = dead.get(CORRUPT_CASE);
        assertEquals(CORRUPT_CASE, dl.getCaseId());
        assertEquals("preprocessing", dl.getStage());
        assertEquals("CORRUPT_DICOM", dl.getReasonCode());
        assertEquals(Topics.STUDIES_RECEIVED.name(), dl.getSourceTopic());
        assertTrue(dl.getMessage().contains("T1WI series"), dl.getMessage());

        // preprocessing: exactly one per (case, sequence, reader), voxels equal to the library on the same files
        RoiPreprocessor library = new RoiPreprocessor(PreprocessingSettings.STUDY);
        RadiomicsExtractor extractor = new RadiomicsExtractor(ParameterSet.paper1316());
        Map<String, PreprocessedRoi> direct = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : rois) {
            org.radstream.events.PreprocessedRoi e = decode(r, org.radstream.events.PreprocessedRoi.class);
            String id = e.getCaseId() + "/" + e.getSequence() + "/" + e.getReader();
            assertEquals(r.key(), e.getCaseId());
            assertTrue(seen.add(id), "duplicate " + id);
            Path p = folderOf.get(e.getCaseId());
            SeriesVolume series = DicomSeriesReader.readSingleSeries(p.resolve(e.getSequence().name()));
            Path roi = p.resolve("roi").resolve(e.getSequence() + "_reader_" + e.getReader().name().toLowerCase(Locale.ROOT)
                    + ".seg.dcm");
            PreprocessedRoi x = library.preprocess(series.volume(), RoiLoader.load(roi, series, 1), roi, List.of(), "x");
            assertEquals(x.geometry(), EventConverter.geometry(e), id);
            assertEquals(ByteBuffer.wrap(EventConverter.imageBytes(x.image())), e.getImage(), id);
            assertEquals(ByteBuffer.wrap(EventConverter.maskBytes(x.mask())), e.getMask(), id);
            assertEquals(PreprocessingSettings.STUDY.hash(), e.getSettingsHash());
            direct.put(id, x);
        }
        assertEquals(expected, seen.size());

        // feature extraction: one vector per ROI, 1316 names, values equal to the radiomics library on the same ROI
        Set<String> extracted = new HashSet<>();
        String settingsHash = RoiFeatureExtractor.settingsHash(ParameterSet.paper1316());
        for (ConsumerRecord<String, byte[]> r : vectors) {
            FeatureVector v = decode(r, FeatureVector.class);
            String id = v.getCaseId() + "/" + v.getFeatures().getSequence() + "/" + v.getReader();
            assertTrue(extracted.add(id), "duplicate " + id);
            assertEquals(1316, v.getFeatures().getNames().size(), id);
            PreprocessedRoi x = direct.get(id);
            var expectedValues = extractor.extract(x.image(), x.mask());
            assertEquals(new ArrayList<>(expectedValues.features().keySet()), v.getFeatures().getNames(), id);
            assertArrayEquals(expectedValues.features().values().stream().mapToDouble(Double::doubleValue).toArray(),
                    v.getFeatures().getValues().stream().mapToDouble(Double::doubleValue).toArray(), id);
            assertEquals(settingsHash, v.getFeatures().getSettingsHash());
            assertEquals(RadiomicsExtractor.VERSION, v.getExtractorVersion());
            assertEquals(FeatureVectorConverter.sha256(ByteBuffer.wrap(EventConverter.imageBytes(x.image()))), v.getImageHash());
        }
        assertEquals(seen, extracted);

        // the dead letter is counted in preprocessing's Prometheus metrics
        HttpResponse<String> m = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + preprocessing.healthPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, m.statusCode());
        assertTrue(m.body().lines().anyMatch(l -> l.startsWith("radstream_dlq_records_total{")
                && l.contains("reason=\"CORRUPT_DICOM\"") && l.contains("stage=\"preprocessing\"") && l.endsWith(" 1.0")),
                m.body());
        assertTrue(m.body().contains("radstream_stage_records_out_total{stage=\"preprocessing\"} " + expected + ".0"), m.body());

        // a consumer stage's own lag, as the cluster sees its group (committed offsets, sampled every 10 s), and its
        // consumer's and producer's client metrics, through the reference parser (prometheus_client)
        org.junit.jupiter.api.Assumptions.assumeTrue(PrometheusTextParser.available(), "python3 prometheus_client not installed");
        String lagPrefix = "radstream_consumer_group_lag_records{group=preprocessing,";
        List<String> parsed = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            parsed = PrometheusTextParser.parse(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + preprocessing.healthPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            List<String> lag = parsed.stream().filter(l -> l.startsWith(lagPrefix)).toList();
            if (!lag.isEmpty() && lag.stream().allMatch(l -> l.endsWith(" 0.0"))) {
                break;
            }
            Thread.sleep(1000);
        }
        List<String> p = parsed;
        String all = String.join("\n", p);
        assertTrue(p.stream().anyMatch(l -> l.startsWith(lagPrefix) && l.contains("topic=" + Topics.STUDIES_RECEIVED.name())
                && l.endsWith(" 0.0")), all);
        assertTrue(p.stream().filter(l -> l.startsWith(lagPrefix)).allMatch(l -> l.endsWith(" 0.0")), "all processed: " + all);
        assertTrue(p.stream().anyMatch(l -> l.startsWith("radstream_consumer_group_lag_seconds{group=preprocessing,")), all);
        assertTrue(p.stream().anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{")), all);
        assertTrue(p.stream().anyMatch(l -> l.startsWith("kafka_producer_record_send_total{")), all);
        assertTrue(p.stream().anyMatch(l -> l.startsWith("radstream_stage_processing_seconds_count{stage=preprocessing} ")
                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= studies.size()), all);
    }

    /** A well-formed ROI event (4x4x3 grid of ones) whose mask has no voxel. */
    static org.radstream.events.PreprocessedRoi emptyRoi() {
        org.radstream.imaging.Geometry g = org.radstream.imaging.Geometry.of(4, 4, 3, 1, 1, 1);
        float[] v = new float[g.voxelCount()];
        java.util.Arrays.fill(v, 1f);
        return EventConverter.toEvent(new org.radstream.preprocessing.RoiOutput(EMPTY_ROI_CASE,
                org.radstream.imaging.sequence.MrSequence.DP, "A", "s", URI.create("file:///none"),
                new PreprocessedRoi(new org.radstream.imaging.Volume(g, v), new org.radstream.imaging.LabelMap(g,
                        new int[g.voxelCount()]), List.of(), "x", "h"), 0), Instant.now());
    }

    static StudyReceived study(String caseId, Path folder) throws IOException {
        List<SeriesRef> series = new ArrayList<>();
        for (Sequence s : Sequence.values()) {
            series.add(SeriesRef.newBuilder().setSequence(s).setSeriesUri(folder.resolve(s.name()).toUri().toString())
                    .setSeriesRef("series-" + caseId + "-" + s).setInstances(10).setRows(1).setColumns(1)
                    .setPixelSpacingMm(List.of(1.0, 1.0)).build());
        }
        List<RoiRef> rois = new ArrayList<>();
        for (Sequence s : Sequence.values()) {
            for (Reader r : Reader.values()) {
                Path f = folder.resolve("roi").resolve(s + "_reader_" + r.name().toLowerCase(Locale.ROOT) + ".seg.dcm");
                if (Files.exists(f)) {
                    rois.add(RoiRef.newBuilder().setReader(r).setDrawnOn(s).setFormat(RoiFormat.DICOM_SEG)
                            .setUri(f.toUri().toString()).setLabel(1).build());
                }
            }
        }
        return StudyReceived.newBuilder().setCaseId(caseId).setStudyRef("study-" + caseId).setSource("cli")
                .setReceivedAt(Instant.now()).setSeries(series).setRois(rois).build();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    static Properties producerProps() {
        Properties p = new Properties();
        p.put("bootstrap.servers", platform.bootstrapServers());
        p.put("enable.idempotence", "true");
        p.put("acks", "all");
        return p;
    }

    /** Reads the topic from the start until {@code expected} records arrived (3 minutes at most), then 2 s more for extras. */
    static List<ConsumerRecord<String, byte[]>> read(TopicSpec topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic.name() + "-" + System.nanoTime());
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            long extraUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, extraUntil)) {
                c.poll(Duration.ofMillis(500)).forEach(out::add);
                for (ServiceRunner.Running s : services) {
                    if (s.service().termination().isCompletedExceptionally()) {
                        s.awaitTermination(); // throws with the cause: no point waiting for records
                    }
                }
                if (out.size() >= expected && extraUntil == Long.MAX_VALUE) {
                    extraUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        assertEquals(expected, out.size(), "records on " + topic.name());
        return out;
    }

    static <T extends SpecificRecord> T decode(ConsumerRecord<String, byte[]> r, Class<T> type) {
        try (ConfluentAvroDeserializer<T> d = new ConfluentAvroDeserializer<>(registry, type, RecordPart.VALUE)) {
            return d.deserialize(r.topic(), r.value());
        }
    }

    /** Waits until the group is stable with {@code n} members, so no rebalance happens while records flow. */
    static void awaitGroupMembers(String group, int n) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", platform.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                if (d.groupState() == org.apache.kafka.common.GroupState.STABLE && d.members().size() == n
                        && d.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("consumer group " + group + " did not become stable with " + n + " members");
    }
}
