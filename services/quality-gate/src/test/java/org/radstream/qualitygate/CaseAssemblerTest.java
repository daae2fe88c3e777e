package org.radstream.qualitygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radstream.events.CaseFeatures;
import org.radstream.events.FeatureIcc;
import org.radstream.events.FeatureVector;
import org.radstream.events.Reader;
import org.radstream.events.Sequence;
import org.radstream.events.StableFeatureSet;

class CaseAssemblerTest {
    static StableFeatureSet set(Sequence s, long version, String hash, boolean... kept) {
        List<FeatureIcc> f = new java.util.ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
            f.add(new FeatureIcc(QualityGateTopologyTest.NAMES.get(i), kept[i] ? 0.9 : 0.3, 0.0, 1.0, kept[i]));
        }
        return new StableFeatureSet(s, version, "ICC(2,1)", 0.75, 10, hash, f, Instant.EPOCH);
    }

    static Map<Sequence, FeatureVector> vectors() {
        Map<Sequence, FeatureVector> a = new EnumMap<>(Sequence.class);
        for (Sequence s : Sequence.values()) {
            a.put(s, QualityGateTopologyTest.vector("c1", s, Reader.A, new double[] {1 + s.ordinal(), 2, 3}));
        }
        return a;
    }

    @Test
    void keepsOnlyEachSequencesStableFeaturesAndRecordsVersions() {
        Map<Sequence, StableFeatureSet> sets = new EnumMap<>(Sequence.class);
        for (Sequence s : Sequence.values()) {
            sets.put(s, set(s, 10 + s.ordinal(), QualityGateTopologyTest.HASH, s == Sequence.DP, true, s != Sequence.AP));
        }
        CaseFeatures c = CaseAssembler.assemble("c1", vectors(), sets, 5).orElseThrow();
        assertEquals(List.of("original_glcm_Contrast", "original_shape_Flatness"), c.getSequences().get(0).getNames());
        assertEquals(List.of(2.0, 3.0), c.getSequences().get(0).getValues());
        assertEquals(List.of("original_glcm_Contrast"), c.getSequences().get(Sequence.AP.ordinal()).getNames());
        assertEquals(List.of(5.0, 2.0, 3.0), c.getSequences().get(Sequence.DP.ordinal()).getValues());
        assertEquals(12L, c.getStableSetVersions().get("AP"));
        assertEquals(Instant.ofEpochMilli(5), c.getAssembledAt());
    }

    @Test
    void waitsForMissingVectorsMissingSetsAndSetsOfOtherSettings() {
        Map<Sequence, StableFeatureSet> sets = new EnumMap<>(Sequence.class);
        for (Sequence s : Sequence.values()) {
            sets.put(s, set(s, 1, QualityGateTopologyTest.HASH, true, true, true));
        }
        Map<Sequence, FeatureVector> a = vectors();
        a.remove(Sequence.PVP);
        assertEquals("reader-A features of PVP", CaseAssembler.waitingFor(a, sets).orElseThrow());
        assertTrue(CaseAssembler.assemble("c1", a, sets, 0).isEmpty());
        sets.remove(Sequence.T2WI);
        assertEquals("a stable feature set of T2WI", CaseAssembler.waitingFor(vectors(), sets).orElseThrow());
        sets.put(Sequence.T2WI, set(Sequence.T2WI, 1, "other-settings", true, true, true));
        assertTrue(CaseAssembler.waitingFor(vectors(), sets).orElseThrow().contains("for settings " + QualityGateTopologyTest.HASH));
    }
}
