package org.radstream.modeling.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.radstream.modeling.ModelingException;

class CohortSplitTest {
    static Map<String, Integer> cohort(int n, int events) {
        Map<String, Integer> m = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            m.put("c" + i, i < events ? 1 : 0);
        }
        return m;
    }

    @Test
    void stratifiedSeededSevenToThree() {
        Map<String, Integer> y = cohort(90, 38);
        Map<String, String> a = CohortSplit.stratified(y, 0.7, 7);
        assertEquals(a, CohortSplit.stratified(y, 0.7, 7));
        assertNotEquals(a, CohortSplit.stratified(y, 0.7, 8));
        long trainEvents = a.entrySet().stream().filter(e -> e.getValue().equals("train") && y.get(e.getKey()) == 1).count();
        long train = a.values().stream().filter("train"::equals).count();
        assertEquals(27, trainEvents); // round(0.7 * 38)
        assertEquals(27 + 36, train); // + round(0.7 * 52)
    }

    @Test
    void oneClassOnlyInASplitIsAnError() {
        // 1 event: it cannot be in both cohorts
        assertThrows(ModelingException.class, () -> CohortSplit.stratified(cohort(20, 1), 0.7, 7));
    }
}
