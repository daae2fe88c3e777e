package org.radstream.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.ModelPublished;
import org.radstream.modeling.artifact.ModelScorer;
import org.radstream.modeling.study.Sequence;

class LoadedModelTest {
    @BeforeAll
    static void train(@TempDir Path dir) throws Exception {
        if (InferenceTopologyTest.artifactJson == null) {
            InferenceTopologyTest.train(dir);
        }
    }

    @Test
    void artifactNotMatchingItsShaIsRefusedNamingTheModel() throws Exception {
        ModelPublished m = InferenceTopologyTest.model(4);
        m.setArtifactJson(m.getArtifactJson().replaceFirst("\\d", "9"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadedModel.load(m));
        assertTrue(e.getMessage().contains("nomogram v4") && e.getMessage().contains("artifactSha256"), e.getMessage());
    }

    @Test
    void predictorValueRecoveredFromItsPoints() throws Exception {
        LoadedModel lm = LoadedModel.load(InferenceTopologyTest.model(1));
        String id = new InferenceTopologyTest().ids(1).get(0);
        Map<String, Double> raw = new HashMap<>();
        for (Sequence s : Sequence.values()) {
            var sf = InferenceTopologyTest.features.sequences().get(s);
            for (int k = 0; k < sf.names().size(); k++) {
                raw.put(s.prefixed(sf.names().get(k)), sf.cases().get(id)[k]);
            }
        }
        for (double alb : new double[] {25.0, 38.5, 52.0}) {
            ModelScorer.Score sc = lm.scorer().score(raw, alb, 0);
            assertEquals(alb, lm.valueFromPoints("alb", sc.points().get("alb")), 1e-9);
        }
    }
}
