package org.radstream.modeling.selection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.radstream.modeling.ModelingException;

/**
 * Stratified, seeded split into training and validation cohorts (DESIGN §1 step 5, 7:3). Each outcome
 * class is sorted by caseId, shuffled with {@code new Random(seed)} and its first round(f·n_class) cases go to
 * training, so the split depends only on the case ids, outcomes, fraction and seed — not on input order.
 */
public final class CohortSplit {
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";

    private CohortSplit() {
    }

    /** @return caseId → "train" | "validation", sorted by caseId */
    public static Map<String, String> stratified(Map<String, Integer> outcomes, double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new ModelingException("training fraction must be in (0, 1); got " + trainFraction);
        }
        Map<String, String> split = new TreeMap<>();
        Random rnd = new Random(seed);
        for (int cls = 0; cls <= 1; cls++) {
            List<String> ids = new ArrayList<>();
            for (Map.Entry<String, Integer> e : new TreeMap<>(outcomes).entrySet()) {
                if (e.getValue() == cls) {
                    ids.add(e.getKey());
                }
            }
            Collections.shuffle(ids, rnd);
            int nTrain = (int) Math.round(trainFraction * ids.size());
            if (nTrain == 0 || nTrain == ids.size()) {
                throw new ModelingException("outcome class " + cls + " has " + ids.size()
                        + " cases; a stratified split needs it in both training and validation cohorts");
            }
            for (int i = 0; i < ids.size(); i++) {
                split.put(ids.get(i), i < nTrain ? TRAIN : VALIDATION);
            }
        }
        return split;
    }
}
