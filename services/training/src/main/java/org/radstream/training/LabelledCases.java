package org.radstream.training;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.radstream.events.CaseFeatures;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.FeatureValues;
import org.radstream.events.Outcome;
import org.radstream.modeling.study.ClinicalTable;
import org.radstream.modeling.study.FeatureTable;
import org.radstream.modeling.study.OutcomeTable;
import org.radstream.modeling.study.Sequence;
import org.radstream.modeling.study.StudyAnalysis;
import org.radstream.streaming.topics.Topics;

/**
 * The latest {@link CaseFeatures}, {@link ClinicalRecord} and {@link Outcome} per caseId (the three topics are
 * keyed by caseId; a later record replaces an earlier one, a tombstone removes it), and their conversion into the
 * modeling library's tables. A case is <em>labelled</em> when all three are present. Not thread-safe: one
 * consumer thread owns it.
 *
 * <p>Which labelled cases are used ({@link #snapshot()}):
 * <ul>
 *   <li>every sequence of a case must carry the same settings hash, and that hash must be the one of the majority of
 *       labelled cases (ties: the lexicographically smallest); other cases are excluded — features extracted with
 *       other settings are not comparable;</li>
 *   <li>all five sequences must be present (the quality gate guarantees it; checked again);</li>
 *   <li>ALB and tumour number, the nomogram's clinical predictors, must be present, and Child-Pugh must not be C
 *       (RFA candidates are A or B; {@link ClinicalTable} rejects C too).</li>
 * </ul>
 * Per sequence the analysis gets the features present in <em>every</em> usable case (each case was gated with the
 * stable set current when it was assembled, so sets can differ); the others, and features that are NaN for some
 * case, are listed in the feature table's {@code excluded} map with the reason, as {@link FeatureTable#read} does.
 *
 * <p>Clinical encoding, as {@link ClinicalTable} encodes the CSV: tumour size mm → cm, sex MALE = 1, HBsAg and
 * cirrhosis true = 1, Child-Pugh B = 1, tumour number ≥ 2 = multiple (1); tumour location levels by frequency.
 */
public final class LabelledCases {
    /** Names the analysis's error messages use for the "files" of a streamed cohort. */
    static final Path FEATURES_SOURCE = Path.of(Topics.FEATURES_CASE.name());
    static final Path CLINICAL_SOURCE = Path.of(Topics.CLINICAL.name());
    static final Path OUTCOMES_SOURCE = Path.of(Topics.OUTCOMES.name());

    private final Map<String, CaseFeatures> features = new HashMap<>();
    private final Map<String, ClinicalRecord> clinical = new HashMap<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();

    /** @return true when the case is labelled (after the update, or before a removal): the training data changed */
    public boolean putFeatures(String caseId, CaseFeatures value) {
        return update(features, caseId, value);
    }

    public boolean putClinical(String caseId, ClinicalRecord value) {
        return update(clinical, caseId, value);
    }

    public boolean putOutcome(String caseId, Outcome value) {
        return update(outcomes, caseId, value);
    }

    private <T> boolean update(Map<String, T> map, String caseId, T value) {
        if (caseId == null) {
            return false;
        }
        boolean before = isLabelled(caseId);
        if (value == null) {
            map.remove(caseId);
        } else {
            map.put(caseId, value);
        }
        return before || isLabelled(caseId);
    }

    public boolean isLabelled(String caseId) {
        return features.containsKey(caseId) && clinical.containsKey(caseId) && outcomes.containsKey(caseId);
    }

    /** Cases with features, clinical record and outcome (before exclusions). */
    public int labelledCount() {
        int n = 0;
        for (String id : outcomes.keySet()) {
            if (isLabelled(id)) {
                n++;
            }
        }
        return n;
    }

    /** The usable labelled cases as analysis inputs, with the exclusions and the fingerprint. */
    public TrainingData snapshot() {
        List<String> labelled = new ArrayList<>();
        for (String id : new TreeMap<>(outcomes).keySet()) {
            if (isLabelled(id)) {
                labelled.add(id);
            }
        }
        Map<String, String> excluded = new TreeMap<>();
        // settings hash per case: every sequence must agree
        Map<String, String> caseHash = new TreeMap<>();
        for (String id : labelled) {
            Set<String> hashes = new LinkedHashSet<>();
            Set<Sequence> seen = java.util.EnumSet.noneOf(Sequence.class);
            for (FeatureValues fv : features.get(id).getSequences()) {
                hashes.add(fv.getSettingsHash());
                seen.add(Sequence.valueOf(fv.getSequence().name()));
            }
            if (seen.size() < Sequence.values().length) {
                Set<Sequence> missing = java.util.EnumSet.allOf(Sequence.class);
                missing.removeAll(seen);
                excluded.put(id, "features of sequence(s) " + missing + " missing");
            } else if (hashes.size() != 1) {
                excluded.put(id, "sequences were extracted with different settings " + hashes);
            } else {
                caseHash.put(id, hashes.iterator().next());
            }
        }
        Map<String, Integer> votes = new TreeMap<>();
        caseHash.values().forEach(h -> votes.merge(h, 1, Integer::sum));
        String majority = null;
        for (Map.Entry<String, Integer> e : votes.entrySet()) { // sorted: ties go to the smallest hash
            if (majority == null || e.getValue() > votes.get(majority)) {
                majority = e.getKey();
            }
        }
        List<String> usable = new ArrayList<>();
        for (Map.Entry<String, String> e : caseHash.entrySet()) {
            String id = e.getKey();
            ClinicalRecord c = clinical.get(id);
            if (!e.getValue().equals(majority)) {
                excluded.put(id, "features extracted with settings " + e.getValue() + ", not the majority's " + majority);
            } else if (c.getAlbGPerL() == null || !Double.isFinite(c.getAlbGPerL())) {
                excluded.put(id, "clinical record has no ALB (a nomogram predictor)");
            } else if (c.getTumorNumber() == null || c.getTumorNumber() < 1) {
                excluded.put(id, "clinical record has no valid tumour number (a nomogram predictor)");
            } else if (c.getChildPugh() == org.radstream.events.ChildPugh.C) {
                excluded.put(id, "Child-Pugh class C (RFA candidates are class A or B)");
            } else {
                usable.add(id);
            }
        }
        int events = 0;
        for (String id : usable) {
            events += outcomes.get(id).getEarlyRecurrence() ? 1 : 0;
        }
        StudyAnalysis.Inputs in = new StudyAnalysis.Inputs(featureTable(usable, majority), null, clinicalTable(usable),
                outcomeTable(usable));
        return new TrainingData(in, usable, events, excluded, majority, fingerprint(usable, majority));
    }

    private FeatureTable featureTable(List<String> ids, String settingsHash) {
        Map<Sequence, FeatureTable.SequenceFeatures> seqs = new EnumMap<>(Sequence.class);
        for (Sequence s : Sequence.values()) {
            // per case: name → value of this sequence
            Map<String, Map<String, Double>> byCase = new LinkedHashMap<>();
            for (String id : ids) {
                Map<String, Double> v = new LinkedHashMap<>();
                FeatureValues fv = sequence(features.get(id), s);
                for (int k = 0; k < fv.getNames().size(); k++) {
                    v.putIfAbsent(fv.getNames().get(k), fv.getValues().get(k));
                }
                byCase.put(id, v);
            }
            List<String> names = new ArrayList<>();
            Map<String, String> excluded = new LinkedHashMap<>();
            if (!ids.isEmpty()) {
                // candidate order: first case's names, then names only later cases have
                Set<String> all = new LinkedHashSet<>();
                byCase.values().forEach(m -> all.addAll(m.keySet()));
                for (String f : all) {
                    int absent = 0, nan = 0;
                    for (Map<String, Double> m : byCase.values()) {
                        Double x = m.get(f);
                        if (x == null) {
                            absent++;
                        } else if (!Double.isFinite(x)) {
                            nan++;
                        }
                    }
                    if (absent > 0) {
                        excluded.put(f, "not in the stable feature set applied to " + absent + " of " + ids.size() + " cases");
                    } else if (nan > 0) {
                        excluded.put(f, "missing or NaN for " + nan + " of " + ids.size() + " cases");
                    } else {
                        names.add(f);
                    }
                }
            }
            Map<String, double[]> cases = new TreeMap<>();
            for (String id : ids) {
                Map<String, Double> m = byCase.get(id);
                double[] v = new double[names.size()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = m.get(names.get(j));
                }
                cases.put(id, v);
            }
            seqs.put(s, new FeatureTable.SequenceFeatures(List.copyOf(names), cases, excluded));
        }
        return new FeatureTable(FEATURES_SOURCE, seqs, List.of(), settingsHash);
    }

    private static FeatureValues sequence(CaseFeatures c, Sequence s) {
        for (FeatureValues fv : c.getSequences()) {
            if (fv.getSequence().name().equals(s.name())) {
                return fv;
            }
        }
        throw new IllegalStateException("case " + c.getCaseId() + " has no " + s + " features"); // excluded before
    }

    private ClinicalTable clinicalTable(List<String> ids) {
        Map<String, Map<String, Double>> cases = new TreeMap<>();
        Map<String, String> location = new TreeMap<>();
        for (String id : ids) {
            ClinicalRecord c = clinical.get(id);
            cases.put(id, encode(c));
            if (c.getTumorLocation() != null && !c.getTumorLocation().isBlank()) {
                location.put(id, c.getTumorLocation().trim());
            }
        }
        // levels: most frequent first (the reference), ties by name — as ClinicalTable.read
        Map<String, Integer> counts = new TreeMap<>();
        location.values().forEach(l -> counts.merge(l, 1, Integer::sum));
        List<String> levels = new ArrayList<>(counts.keySet());
        levels.sort((a, b) -> counts.get(b) - counts.get(a) != 0 ? counts.get(b) - counts.get(a) : a.compareTo(b));
        return new ClinicalTable(CLINICAL_SOURCE, cases, location, List.copyOf(levels));
    }

    /** The model variables of {@link ClinicalTable#ENCODING}, in its order; NaN when not recorded. */
    static Map<String, Double> encode(ClinicalRecord c) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("age", num(c.getAgeYears()));
        v.put("alb", num(c.getAlbGPerL()));
        v.put("afp", num(c.getAfpNgPerMl()));
        v.put("alt", num(c.getAltUPerL()));
        v.put("ast", num(c.getAstUPerL()));
        v.put("tbil", num(c.getTbilUmolPerL()));
        v.put("tumor_size_cm", c.getTumorSizeMm() == null ? Double.NaN : c.getTumorSizeMm() / 10.0);
        v.put("sex_male", c.getSex() == null ? Double.NaN : c.getSex() == org.radstream.events.Sex.MALE ? 1.0 : 0.0);
        v.put("hbsag_positive", bool(c.getHbsagPositive()));
        v.put("child_pugh_b", c.getChildPugh() == null ? Double.NaN : c.getChildPugh() == org.radstream.events.ChildPugh.B ? 1.0 : 0.0);
        v.put("cirrhosis", bool(c.getCirrhosis()));
        v.put("tumor_multiple", c.getTumorNumber() == null ? Double.NaN : c.getTumorNumber() >= 2 ? 1.0 : 0.0);
        return v;
    }

    private static double num(Double d) {
        return d == null || !Double.isFinite(d) ? Double.NaN : d;
    }

    private static double bool(Boolean b) {
        return b == null ? Double.NaN : b ? 1.0 : 0.0;
    }

    private OutcomeTable outcomeTable(List<String> ids) {
        Map<String, Integer> y = new TreeMap<>();
        Map<String, Double> f = new TreeMap<>();
        for (String id : ids) {
            Outcome o = outcomes.get(id);
            y.put(id, o.getEarlyRecurrence() ? 1 : 0);
            f.put(id, o.getFollowupMonths());
        }
        return new OutcomeTable(OUTCOMES_SOURCE, y, f);
    }

    /**
     * SHA-256 over the usable cases in id order: id, label, settings hash, per sequence (in the record's order)
     * every feature name and the exact bits of its value, then the clinical variables and tumour location. Record
     * timestamps are not part of it: re-sending the same data does not change the fingerprint.
     */
    String fingerprint(List<String> ids, String settingsHash) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        ByteBuffer eight = ByteBuffer.allocate(8);
        md.update(("settings|" + settingsHash + "\n").getBytes(StandardCharsets.UTF_8));
        for (String id : ids) {
            md.update(("case|" + id + "|" + (outcomes.get(id).getEarlyRecurrence() ? 1 : 0) + "\n").getBytes(StandardCharsets.UTF_8));
            for (FeatureValues fv : features.get(id).getSequences()) {
                md.update(("seq|" + fv.getSequence() + "\n").getBytes(StandardCharsets.UTF_8));
                for (int k = 0; k < fv.getNames().size(); k++) {
                    md.update(fv.getNames().get(k).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) '=');
                    eight.clear();
                    eight.putLong(Double.doubleToLongBits(fv.getValues().get(k)));
                    md.update(eight.array());
                }
            }
            ClinicalRecord c = clinical.get(id);
            StringBuilder sb = new StringBuilder("clinical");
            encode(c).forEach((k, v) -> sb.append('|').append(k).append('=').append(v));
            sb.append("|location=").append(c.getTumorLocation()).append('\n');
            md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
