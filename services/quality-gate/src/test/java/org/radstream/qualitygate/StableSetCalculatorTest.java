package org.radstream.qualitygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radstream.events.FeatureValues;
import org.radstream.events.FeatureVector;
import org.radstream.events.Reader;
import org.radstream.events.Sequence;
import org.radstream.events.StableFeatureSet;
import org.radstream.modeling.icc.IccForm;
import org.radstream.modeling.icc.ReproducibilityGate;

class StableSetCalculatorTest {
    static StableSetCalculator.ReaderPair pair(int i, String hash) {
        FeatureVector a = QualityGateTopologyTest.vector("c" + i, Sequence.T1WI, Reader.A, QualityGateTopologyTest.values(i, Sequence.T1WI, Reader.A));
        FeatureVector b = QualityGateTopologyTest.vector("c" + i, Sequence.T1WI, Reader.B, QualityGateTopologyTest.values(i, Sequence.T1WI, Reader.B));
        a.setFeatures(new FeatureValues(Sequence.T1WI, a.getFeatures().getNames(), a.getFeatures().getValues(), hash));
        b.setFeatures(new FeatureValues(Sequence.T1WI, b.getFeatures().getNames(), b.getFeatures().getValues(), hash));
        return new StableSetCalculator.ReaderPair(a, b);
    }

    @Test
    void onlyPairsOfTheSameSettingsCountAndTheFormIsRecorded() {
        List<StableSetCalculator.ReaderPair> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pairs.add(pair(i, "h1"));
        }
        pairs.add(pair(4, "h0"));
        StableSetCalculator calc = new StableSetCalculator(new ReproducibilityGate.Settings(IccForm.ICC3_1, 0.5));
        StableFeatureSet s = calc.compute(Sequence.T1WI, pairs, "h1", 7, 1000);
        assertEquals(4, s.getPairs());
        assertEquals("ICC(3,1)", s.getIccForm());
        assertEquals(0.5, s.getThreshold());
        assertEquals(7, s.getVersion());
        assertEquals(3, s.getFeatures().size());
        assertNull(calc.compute(Sequence.T1WI, pairs, "h0", 1, 0), "one pair gives no ICC");
    }
}
