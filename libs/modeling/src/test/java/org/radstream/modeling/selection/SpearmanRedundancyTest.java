package org.radstream.modeling.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.radstream.modeling.Fixtures.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radstream.modeling.Fixtures;

/** Spearman ρ (with ties) against R's cor(method = "spearman"), and the kept set (src/test/r/spearman.R). */
class SpearmanRedundancyTest {
    @Test
    void rhoAndKeptSetMatchR() {
        JsonNode fx = Fixtures.load("spearman.json");
        String call = fx.get("call").asText();
        List<String> names = new ArrayList<>();
        fx.get("names").forEach(n -> names.add(n.asText()));
        double[][] cols = Fixtures.matrix(fx.get("x"));
        for (int i = 0; i < cols.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                close(call, "rho " + names.get(i) + "," + names.get(j), fx.get("rho").get(i).get(j).asDouble(),
                        SpearmanRedundancy.spearman(cols[i], cols[j]), 1e-12);
            }
        }
        SpearmanRedundancy.Result r = SpearmanRedundancy.select(names, cols, Fixtures.doubles(fx.get("p")), 0.90);
        List<String> kept = new ArrayList<>();
        fx.get("kept").forEach(n -> kept.add(n.asText()));
        assertEquals(kept, r.kept(), call);
        assertEquals(names.size() - kept.size(), r.dropped().size());
    }
}
