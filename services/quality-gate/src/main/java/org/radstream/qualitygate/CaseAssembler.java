package org.radstream.qualitygate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.radstream.events.CaseFeatures;
import org.radstream.events.FeatureIcc;
import org.radstream.events.FeatureValues;
import org.radstream.events.FeatureVector;
import org.radstream.events.Sequence;
import org.radstream.events.StableFeatureSet;

/**
 * Assembles a case's {@link CaseFeatures}: reader A's features of all five sequences, each restricted to
 * the features its sequence's current stable set keeps, with the set versions used.
 *
 * <p>A case is ready only when all five reader-A vectors are present and every sequence has a stable set
 * computed under the same extraction settings hash as the case's vector (a set for other settings says
 * nothing about these values); otherwise it waits.
 */
public final class CaseAssembler {

    private CaseAssembler() {
    }

    /** Why a case is not ready yet (for logs and tests). */
    public static Optional<String> waitingFor(Map<Sequence, FeatureVector> readerA, Map<Sequence, StableFeatureSet> sets) {
        for (Sequence s : Sequence.values()) {
            FeatureVector v = readerA.get(s);
            if (v == null) {
                return Optional.of("reader-A features of " + s);
            }
            StableFeatureSet set = sets.get(s);
            if (set == null) {
                return Optional.of("a stable feature set of " + s);
            }
            if (!set.getSettingsHash().equals(v.getFeatures().getSettingsHash())) {
                return Optional.of("a stable feature set of " + s + " for settings " + v.getFeatures().getSettingsHash());
            }
        }
        return Optional.empty();
    }

    /** The gated case, or empty while {@link #waitingFor} names something missing. */
    public static Optional<CaseFeatures> assemble(String caseId, Map<Sequence, FeatureVector> readerA,
            Map<Sequence, StableFeatureSet> sets, long assembledAtMs) {
        if (waitingFor(readerA, sets).isPresent()) {
            return Optional.empty();
        }
        List<FeatureValues> sequences = new ArrayList<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        for (Sequence s : Sequence.values()) {
            FeatureValues fv = readerA.get(s).getFeatures();
            StableFeatureSet set = sets.get(s);
            Set<String> kept = new HashSet<>();
            for (FeatureIcc f : set.getFeatures()) {
                if (f.getKept()) {
                    kept.add(f.getName());
                }
            }
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < fv.getNames().size(); i++) {
                if (kept.contains(fv.getNames().get(i))) {
                    names.add(fv.getNames().get(i));
                    values.add(fv.getValues().get(i));
                }
            }
            sequences.add(new FeatureValues(s, names, values, fv.getSettingsHash()));
            versions.put(s.name(), set.getVersion());
        }
        return Optional.of(CaseFeatures.newBuilder()
                .setCaseId(caseId)
                .setSequences(sequences)
                .setStableSetVersions(versions)
                .setAssembledAt(Instant.ofEpochMilli(assembledAtMs))
                .build());
    }
}
