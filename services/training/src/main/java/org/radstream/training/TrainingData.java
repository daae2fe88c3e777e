package org.radstream.training;

import java.util.List;
import java.util.Map;

import org.radstream.modeling.study.StudyAnalysis;

/**
 * The labelled cases as the analysis gets them, at one moment: a snapshot of {@link LabelledCases}.
 *
 * @param inputs       the analysis inputs (reader-A features of the five sequences, clinical, outcomes; no reader B:
 *                     the quality gate already applied the ICC gate upstream)
 * @param caseIds      the usable labelled cases, sorted
 * @param events       how many of them had early recurrence
 * @param excluded     labelled cases left out, caseId → reason (never patient data)
 * @param settingsHash the feature-extraction settings hash of the majority of labelled cases (the model's), or
 *                     null when there is no labelled case
 * @param fingerprint  SHA-256 (hex) of the usable cases' ids, labels, settings hash, every feature name and value
 *                     and the clinical variables ({@link LabelledCases#fingerprint}); equal fingerprints = the same
 *                     training data
 */
public record TrainingData(StudyAnalysis.Inputs inputs, List<String> caseIds, int events, Map<String, String> excluded,
                           String settingsHash, String fingerprint) {
    public TrainingData {
        caseIds = List.copyOf(caseIds);
        excluded = Map.copyOf(excluded);
    }

    public int cases() {
        return caseIds.size();
    }

    public int nonEvents() {
        return caseIds.size() - events;
    }
}
