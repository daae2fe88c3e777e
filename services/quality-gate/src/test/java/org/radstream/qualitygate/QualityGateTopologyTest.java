package org.radstream.qualitygate;

import org.radstream.streaming.serde.PlainAvroEventSerdes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.CaseFeatures;
import org.radstream.events.DeadLetter;
import org.radstream.events.FeatureIcc;
import org.radstream.events.FeatureValues;
import org.radstream.events.FeatureVector;
import org.radstream.events.Reader;
import org.radstream.events.Sequence;
import org.radstream.events.StableFeatureSet;
import org.radstream.modeling.icc.IccForm;
import org.radstream.modeling.icc.ReproducibilityGate;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.DeadLetterExceptionHandler;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.topics.Topics;

/**
 * The gate topology on TopologyTestDriver: ICCs equal the modeling library's {@link ReproducibilityGate} on the
 * same numbers (that library is itself checked against R psych::ICC in IccAgainstPsychTest), versions
 * increase, cases are emitted only when complete, with gated features only, and waiting cases are released
 * once stable sets exist.
 */
class QualityGateTopologyTest {
    static final String HASH = "settings-1";
    static final List<String> NAMES = List.of("original_firstorder_Mean", "original_glcm_Contrast", "original_shape_Flatness");
    static final int MIN_PAIRS = 4;

    @TempDir
    Path stateDir;
    TopologyTestDriver driver;
    TestInputTopic<String, FeatureVector> in;
    TestOutputTopic<String, StableFeatureSet> sets;
    TestOutputTopic<String, CaseFeatures> cases;
    TestOutputTopic<String, DeadLetter> dlq;
    final DeadLetterCounts counts = new DeadLetterCounts();

    @BeforeEach
    void setUp() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "quality-gate-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        DeadLetterExceptionHandler.configure(p, QualityGateTopology.STAGE, PlainAvroEventSerdes.of(DeadLetter.class).serializer(), counts);
        QualityGateSettings s = QualityGateSettings.DEFAULT.withMinPairs(MIN_PAIRS);
        driver = new TopologyTestDriver(QualityGateTopology.buildTopology(s, new PlainAvroEventSerdes()), p, Instant.parse("2026-11-27T10:00:00Z"));
        in = driver.createInputTopic(Topics.FEATURES_EXTRACTED.name(), Serdes.String().serializer(),
                PlainAvroEventSerdes.of(FeatureVector.class).serializer());
        sets = driver.createOutputTopic(Topics.QUALITY_STABLE_FEATURES.name(), Serdes.String().deserializer(),
                PlainAvroEventSerdes.of(StableFeatureSet.class).deserializer());
        cases = driver.createOutputTopic(Topics.FEATURES_CASE.name(), Serdes.String().deserializer(),
                PlainAvroEventSerdes.of(CaseFeatures.class).deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), Serdes.String().deserializer(),
                PlainAvroEventSerdes.of(DeadLetter.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    /**
     * Reader values of case i: feature 0 agrees closely between readers (reproducible), feature 1 does not
     * (reader B unrelated), feature 2 agrees but reader B has NaN on case 2 (no ICC).
     */
    static double[] values(int i, Sequence s, Reader r) {
        double base = 10 * i + s.ordinal();
        if (r == Reader.A) {
            return new double[] {base, 3.0 * ((i * 7) % 5), 0.5 + 0.1 * i};
        }
        return new double[] {base + (i % 2 == 0 ? 0.3 : -0.2), 2.0 * ((i * 3) % 4), i == 2 ? Double.NaN : 0.5 + 0.1 * i + 0.01};
    }

    static FeatureVector vector(String caseId, Sequence s, Reader r, double[] v) {
        List<Double> vals = new ArrayList<>();
        for (double d : v) {
            vals.add(d);
        }
        return FeatureVector.newBuilder().setCaseId(caseId).setReader(r)
                .setFeatures(new FeatureValues(s, NAMES, vals, HASH)).setExtractorVersion("test")
                .setImageHash("i").setMaskHash("m").setExtractedAt(Instant.EPOCH).build();
    }

    void send(int i, Sequence s, Reader r) {
        in.pipeInput("case-" + i, vector("case-" + i, s, r, values(i, s, r)));
    }

    @Test
    void iccMatchesTheModelingLibraryAndVersionsIncrease() {
        for (int i = 0; i < MIN_PAIRS + 1; i++) {
            send(i, Sequence.AP, Reader.A);
            send(i, Sequence.AP, Reader.B);
        }
        Map<String, StableFeatureSet> latest = new LinkedHashMap<>();
        List<Long> versions = new ArrayList<>();
        for (var kv : sets.readKeyValuesToList()) {
            assertEquals("AP", kv.key);
            versions.add(kv.value.getVersion());
            latest.put(kv.key, kv.value);
        }
        assertEquals(List.of(1L, 2L), versions, "first set at " + MIN_PAIRS + " pairs, then one per new pair");
        StableFeatureSet set = latest.get("AP");
        assertEquals(MIN_PAIRS + 1, set.getPairs());
        assertEquals("ICC(2,1)", set.getIccForm());
        assertEquals(0.75, set.getThreshold());
        assertEquals(HASH, set.getSettingsHash());

        // the same numbers straight through the library
        int n = MIN_PAIRS + 1;
        Map<String, double[]> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
        for (int f = 0; f < 2; f++) {
            double[] xa = new double[n], xb = new double[n];
            for (int i = 0; i < n; i++) {
                xa[i] = values(i, Sequence.AP, Reader.A)[f];
                xb[i] = values(i, Sequence.AP, Reader.B)[f];
            }
            a.put(NAMES.get(f), xa);
            b.put(NAMES.get(f), xb);
        }
        var expected = new ReproducibilityGate(new ReproducibilityGate.Settings(IccForm.ICC2_1, 0.75)).evaluate(a, b);
        for (int f = 0; f < 2; f++) {
            FeatureIcc got = set.getFeatures().get(f);
            var want = expected.get(NAMES.get(f));
            assertEquals(NAMES.get(f), got.getName());
            assertEquals(want.icc().icc(), got.getIcc(), 0.0, NAMES.get(f));
            assertEquals(want.icc().ciLow(), got.getCiLow(), 0.0);
            assertEquals(want.icc().ciHigh(), got.getCiHigh(), 0.0);
            assertEquals(want.kept(), got.getKept());
        }
        assertTrue(set.getFeatures().get(0).getKept(), "reproducible feature kept, ICC " + set.getFeatures().get(0).getIcc());
        assertFalse(set.getFeatures().get(1).getKept(), "unreproducible feature dropped, ICC " + set.getFeatures().get(1).getIcc());
        assertTrue(Double.isNaN(set.getFeatures().get(2).getIcc()), "NaN value -> no ICC");
        assertFalse(set.getFeatures().get(2).getKept());
    }

    @Test
    void caseEmittedOnlyWhenCompleteWithGatedFeaturesAndWaitingCasesReleased() {
        // case 9: all five reader-A vectors before any stable set exists -> waits
        for (Sequence s : Sequence.values()) {
            send(9, s, Reader.A);
        }
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertTrue(cases.isEmpty(), "no stable sets yet");

        // pairs for every sequence; case 0..3 get A (and B) on every sequence
        for (Sequence s : Sequence.values()) {
            for (int i = 0; i < MIN_PAIRS; i++) {
                send(i, s, Reader.A);
                send(i, s, Reader.B);
            }
        }
        assertEquals(Sequence.values().length, sets.readValuesToList().size(), "one set per sequence");
        // cases 0..3 became complete as the last sequence's set appeared, or wait for the punctuation
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        Map<String, CaseFeatures> got = new LinkedHashMap<>();
        cases.readKeyValuesToList().forEach(kv -> got.put(kv.key, kv.value));
        assertTrue(got.containsKey("case-9"), "waiting case released by the stable sets: " + got.keySet());
        for (int i = 0; i < MIN_PAIRS; i++) {
            assertTrue(got.containsKey("case-" + i), "case-" + i + " in " + got.keySet());
        }
        CaseFeatures c9 = got.get("case-9");
        assertEquals(5, c9.getSequences().size());
        for (FeatureValues fv : c9.getSequences()) {
            assertEquals(List.of(NAMES.get(0)), fv.getNames(), "only the kept feature of " + fv.getSequence());
            assertEquals(values(9, fv.getSequence(), Reader.A)[0], fv.getValues().get(0), 0.0, "reader A's value");
            assertEquals(1L, c9.getStableSetVersions().get(fv.getSequence().name()));
        }

        // an incomplete case (4 sequences) is never emitted
        for (Sequence s : List.of(Sequence.T1WI, Sequence.T2WI, Sequence.AP, Sequence.PVP)) {
            send(20, s, Reader.A);
        }
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertTrue(cases.isEmpty(), "case-20 lacks DP");
        send(20, Sequence.DP, Reader.A);
        var last = cases.readKeyValuesToList();
        assertEquals(1, last.size());
        assertEquals("case-20", last.get(0).key);

        // feature extraction replays a vector after a crash (same content, new extraction time): no second release
        FeatureVector replay = vector("case-20", Sequence.DP, Reader.A, values(20, Sequence.DP, Reader.A));
        replay.setExtractedAt(Instant.EPOCH.plusSeconds(60));
        in.pipeInput("case-20", replay);
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertTrue(cases.isEmpty(), "a replayed vector must not release case-20 again");
        // a vector with other content (the case re-extracted from a new image) does release it again
        FeatureVector changed = vector("case-20", Sequence.DP, Reader.A, values(21, Sequence.DP, Reader.A));
        in.pipeInput("case-20", changed);
        assertEquals(1, cases.readKeyValuesToList().size(), "changed content releases the case with the new values");
    }

    @Test
    void malformedVectorGoesToTheDlqAndTheNextOneFlows() {
        FeatureVector bad = vector("case-7", Sequence.T1WI, Reader.A, new double[] {1, 2});
        in.pipeInput("case-7", bad);
        var dead = dlq.readKeyValuesToList();
        assertEquals(1, dead.size());
        assertEquals("case-7", dead.get(0).key);
        assertEquals("INVALID_FIELD", dead.get(0).value.getReasonCode());
        assertEquals(Topics.FEATURES_EXTRACTED.name(), dead.get(0).value.getSourceTopic());
        assertTrue(dead.get(0).value.getMessage().contains("features.values has 2"), dead.get(0).value.getMessage());
        assertEquals(1, counts.get(QualityGateTopology.STAGE, ReasonCode.INVALID_FIELD));
        // the stage goes on: pairs after the bad record still make a stable set
        for (int i = 0; i < MIN_PAIRS; i++) {
            send(i, Sequence.T1WI, Reader.A);
            send(i, Sequence.T1WI, Reader.B);
        }
        assertEquals(1, sets.readValuesToList().size());
    }
}
