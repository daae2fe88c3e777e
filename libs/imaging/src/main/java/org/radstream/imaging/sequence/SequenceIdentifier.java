package org.radstream.imaging.sequence;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.radstream.imaging.dicom.DicomSeries;

/**
 * Assigns the series of one study to T1WI / T2WI / AP / PVP / DP / DWI by {@link SequenceRules}:
 * <ol>
 * <li>an explicit override (SeriesInstanceUID → sequence) wins;</li>
 * <li>otherwise the first matching named rule decides;</li>
 * <li>contrast-enhanced series that match only an unnamed-phase rule are ordered by acquisition time
 *     and fill the contrast phases no named series took, in order AP, PVP, DP (reported as
 *     {@link Finding.Kind#ORDERED_BY_TIME});</li>
 * <li>series matching nothing are {@link Finding.Kind#UNKNOWN}; two series for one sequence are a
 *     {@link Finding.Kind#DUPLICATE} and neither is assigned; a study sequence with no series is
 *     {@link Finding.Kind#MISSING}. Nothing is guessed silently.</li>
 * </ol>
 * Non-MR series (SEG, RTSTRUCT …) are ignored.
 */
public final class SequenceIdentifier {

    /** One observation about the assignment. */
    public record Finding(Kind kind, MrSequence sequence, List<String> seriesInstanceUids, String message) {
        public enum Kind { MISSING, DUPLICATE, UNKNOWN, ORDERED_BY_TIME, OVERRIDDEN }

        public Finding {
            seriesInstanceUids = List.copyOf(seriesInstanceUids);
        }
    }

    /**
     * @param assigned series per sequence (unambiguous ones only)
     * @param findings everything missing, duplicated, unknown, time-ordered or overridden
     */
    public record Assignment(Map<MrSequence, DicomSeries> assigned, List<Finding> findings) {
        public Assignment {
            assigned = Map.copyOf(assigned);
            findings = List.copyOf(findings);
        }

        /** All five study sequences assigned and no duplicate. */
        public boolean complete() {
            return MrSequence.STUDY.stream().allMatch(assigned::containsKey)
                    && findings.stream().noneMatch(f -> f.kind() == Finding.Kind.DUPLICATE);
        }
    }

    private final SequenceRules rules;

    public SequenceIdentifier(SequenceRules rules) {
        this.rules = rules;
    }

    /** The sequence the named rules give one series, or UNKNOWN (unnamed phases are not resolved here). */
    public MrSequence classify(DicomSeries s) {
        boolean contrast = !s.contrastBolusAgent().isEmpty();
        for (SequenceRule r : rules.rules()) {
            if (r.matches(s.seriesDescription(), s.protocolName(), contrast)) {
                return r.sequence();
            }
        }
        return MrSequence.UNKNOWN;
    }

    public Assignment identify(List<DicomSeries> study, Map<String, MrSequence> overrides) {
        Map<MrSequence, List<DicomSeries>> candidates = new EnumMap<>(MrSequence.class);
        List<DicomSeries> unnamedPhases = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (DicomSeries s : study) {
            if (!"MR".equals(s.modality())) {
                continue;
            }
            MrSequence forced = overrides.get(s.seriesInstanceUid());
            if (forced != null) {
                if (forced != MrSequence.UNKNOWN) { // UNKNOWN excludes the series
                    candidates.computeIfAbsent(forced, k -> new ArrayList<>()).add(s);
                }
                findings.add(new Finding(Finding.Kind.OVERRIDDEN, forced, List.of(s.seriesInstanceUid()),
                        "series " + s.seriesNumber() + " set to " + forced + " by override"));
                continue;
            }
            MrSequence named = classify(s);
            if (named != MrSequence.UNKNOWN) {
                candidates.computeIfAbsent(named, k -> new ArrayList<>()).add(s);
                continue;
            }
            boolean contrast = !s.contrastBolusAgent().isEmpty();
            if (rules.unnamedPhaseRules().stream().anyMatch(r -> r.matches(s.seriesDescription(), s.protocolName(), contrast))) {
                unnamedPhases.add(s);
            } else {
                findings.add(new Finding(Finding.Kind.UNKNOWN, MrSequence.UNKNOWN, List.of(s.seriesInstanceUid()),
                        "series " + s.seriesNumber() + " \"" + s.seriesDescription() + "\" matches no rule"));
            }
        }
        if (!unnamedPhases.isEmpty()) {
            List<MrSequence> free = new ArrayList<>();
            for (MrSequence p : List.of(MrSequence.AP, MrSequence.PVP, MrSequence.DP)) {
                if (!candidates.containsKey(p)) {
                    free.add(p);
                }
            }
            boolean timed = unnamedPhases.stream().allMatch(s -> s.acquisitionTime() != null);
            if (!timed || unnamedPhases.size() != free.size()) {
                List<String> uids = unnamedPhases.stream().map(DicomSeries::seriesInstanceUid).toList();
                findings.add(new Finding(Finding.Kind.UNKNOWN, MrSequence.UNKNOWN, uids, unnamedPhases.size()
                        + " contrast-enhanced series without a phase name for " + free.size() + " open phases "
                        + free + (timed ? "" : ", and not all have an acquisition time") + ": not assigned"));
            } else {
                unnamedPhases.sort(Comparator.comparing(DicomSeries::acquisitionTime, Comparator.nullsLast(LocalTime::compareTo))
                        .thenComparingInt(DicomSeries::seriesNumber));
                for (int i = 0; i < free.size(); i++) {
                    DicomSeries s = unnamedPhases.get(i);
                    candidates.computeIfAbsent(free.get(i), k -> new ArrayList<>()).add(s);
                    findings.add(new Finding(Finding.Kind.ORDERED_BY_TIME, free.get(i), List.of(s.seriesInstanceUid()),
                            "series " + s.seriesNumber() + " \"" + s.seriesDescription() + "\" acquired at " + s.acquisitionTime()
                                    + " is contrast phase " + (i + 1) + " of " + free.size()));
                }
            }
        }
        Map<MrSequence, DicomSeries> assigned = new LinkedHashMap<>();
        for (Map.Entry<MrSequence, List<DicomSeries>> e : candidates.entrySet()) {
            if (e.getValue().size() == 1) {
                assigned.put(e.getKey(), e.getValue().get(0));
            } else {
                findings.add(new Finding(Finding.Kind.DUPLICATE, e.getKey(),
                        e.getValue().stream().map(DicomSeries::seriesInstanceUid).toList(),
                        e.getValue().size() + " series qualify as " + e.getKey() + ": "
                                + e.getValue().stream().map(s -> s.seriesNumber() + " \"" + s.seriesDescription() + "\"").toList()
                                + "; set one with an override"));
            }
        }
        for (MrSequence s : MrSequence.STUDY) {
            if (!candidates.containsKey(s)) {
                findings.add(new Finding(Finding.Kind.MISSING, s, List.of(), "no series for " + s));
            }
        }
        return new Assignment(assigned, findings);
    }
}
