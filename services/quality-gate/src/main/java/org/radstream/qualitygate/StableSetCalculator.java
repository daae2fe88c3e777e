package org.radstream.qualitygate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radstream.events.FeatureIcc;
import org.radstream.events.FeatureVector;
import org.radstream.events.Sequence;
import org.radstream.events.StableFeatureSet;
import org.radstream.modeling.icc.IccForm;
import org.radstream.modeling.icc.ReproducibilityGate;

/**
 * The reproducibility gate of one sequence over the reader A/B pairs seen so far (DESIGN §1 step 4): per
 * feature, the ICC between readers over the paired cases (the modeling library's
 * {@link ReproducibilityGate}), kept when ICC &gt; threshold.
 *
 * <p>Only pairs extracted with the same settings hash as the newest pair count (ICCs across different
 * extraction settings mean nothing). A feature with a non-finite value in any pair has no ICC (NaN) and is
 * not kept, as is a constant feature (ICC undefined).
 */
public final class StableSetCalculator {

    /** Reader A and reader B features of one case and sequence. */
    public record ReaderPair(FeatureVector readerA, FeatureVector readerB) {
    }

    private final ReproducibilityGate gate;

    public StableSetCalculator(ReproducibilityGate.Settings settings) {
        this.gate = new ReproducibilityGate(settings);
    }

    /**
     * @param sequence     the sequence
     * @param pairs        every pair of the sequence, in any order
     * @param settingsHash extraction settings hash the set is computed under (pairs with another hash are ignored)
     * @param version      version of the new set
     * @param computedAtMs when, UTC ms
     * @return the set, or null when fewer than two pairs share {@code settingsHash}
     */
    public StableFeatureSet compute(Sequence sequence, List<ReaderPair> pairs, String settingsHash, long version,
            long computedAtMs) {
        List<ReaderPair> used = pairs.stream()
                .filter(p -> settingsHash.equals(p.readerA().getFeatures().getSettingsHash())
                        && settingsHash.equals(p.readerB().getFeatures().getSettingsHash()))
                .toList();
        if (used.size() < 2) {
            return null;
        }
        List<String> names = used.get(0).readerA().getFeatures().getNames();
        int n = used.size();
        Map<String, double[]> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
        List<String> undefined = new ArrayList<>();
        List<Map<String, Double>> va = new ArrayList<>(), vb = new ArrayList<>();
        for (ReaderPair p : used) {
            va.add(byName(p.readerA()));
            vb.add(byName(p.readerB()));
        }
        for (String f : names) {
            double[] xa = new double[n], xb = new double[n];
            boolean finite = true;
            for (int i = 0; i < n; i++) {
                Double x = va.get(i).get(f), y = vb.get(i).get(f);
                if (x == null || y == null || !Double.isFinite(x) || !Double.isFinite(y)) {
                    finite = false;
                    break;
                }
                xa[i] = x;
                xb[i] = y;
            }
            if (finite) {
                a.put(f, xa);
                b.put(f, xb);
            } else {
                undefined.add(f);
            }
        }
        Map<String, ReproducibilityGate.FeatureIcc> iccs = gate.evaluate(a, b);
        List<FeatureIcc> out = new ArrayList<>(names.size());
        for (String f : names) {
            ReproducibilityGate.FeatureIcc r = iccs.get(f);
            out.add(r == null
                    ? new FeatureIcc(f, Double.NaN, Double.NaN, Double.NaN, false)
                    : new FeatureIcc(f, r.icc().icc(), r.icc().ciLow(), r.icc().ciHigh(), r.kept()));
        }
        return StableFeatureSet.newBuilder()
                .setSequence(sequence)
                .setVersion(version)
                .setIccForm(label(gate.settings().form()))
                .setThreshold(gate.settings().threshold())
                .setPairs(n)
                .setSettingsHash(settingsHash)
                .setFeatures(out)
                .setComputedAt(java.time.Instant.ofEpochMilli(computedAtMs))
                .build();
    }

    /** psych/Shrout–Fleiss label, e.g. {@code ICC(2,1)}. */
    static String label(IccForm form) {
        return switch (form) {
            case ICC1_1 -> "ICC(1,1)";
            case ICC2_1 -> "ICC(2,1)";
            case ICC3_1 -> "ICC(3,1)";
        };
    }

    private static Map<String, Double> byName(FeatureVector v) {
        List<String> names = v.getFeatures().getNames();
        List<Double> values = v.getFeatures().getValues();
        Map<String, Double> m = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), values.get(i));
        }
        return m;
    }
}
