package org.radstream.training;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.radstream.events.CaseFeatures;
import org.radstream.events.ChildPugh;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.FeatureValues;
import org.radstream.events.Outcome;
import org.radstream.events.Sex;
import org.radstream.modeling.study.ClinicalTable;
import org.radstream.modeling.study.FeatureTable;
import org.radstream.modeling.study.OutcomeTable;
import org.radstream.modeling.study.Sequence;
import org.radstream.modeling.study.SyntheticStudy;

/**
 * The modeling library's seeded synthetic study (90 cases, 38 with early recurrence, five sequences with signal) as
 * the events the training stage reads: reader-A features as {@link CaseFeatures} (the features the CSV reader keeps),
 * the clinical rows as {@link ClinicalRecord}, the outcomes as {@link Outcome}. The CSV tables are kept to run the
 * library directly on the same data.
 */
record SyntheticCohort(FeatureTable features, ClinicalTable clinical, OutcomeTable outcomes) {
    static final String HASH = "settings-1";

    static SyntheticCohort write(Path dir, long seed) {
        SyntheticStudy.Files4 f = SyntheticStudy.write(dir, seed);
        return new SyntheticCohort(FeatureTable.read(f.featuresA()), ClinicalTable.read(f.clinical()), OutcomeTable.read(f.outcomes()));
    }

    List<String> ids() {
        return new ArrayList<>(outcomes.earlyRecurrence().keySet());
    }

    CaseFeatures caseFeatures(String id, String hash) {
        List<FeatureValues> seqs = new ArrayList<>();
        for (Sequence s : Sequence.values()) {
            FeatureTable.SequenceFeatures sf = features.sequences().get(s);
            List<Double> v = new ArrayList<>();
            for (double d : sf.cases().get(id)) {
                v.add(d);
            }
            seqs.add(new FeatureValues(org.radstream.events.Sequence.valueOf(s.name()), sf.names(), v, hash));
        }
        return CaseFeatures.newBuilder().setCaseId(id).setSequences(seqs).setStableSetVersions(Map.of())
                .setAssembledAt(Instant.now()).build(); // inference measures its clinical wait from here
    }

    CaseFeatures caseFeatures(String id) {
        return caseFeatures(id, HASH);
    }

    /** The clinical row back as a record; tumour size cm → mm (the record's unit). */
    ClinicalRecord clinicalRecord(String id) {
        Map<String, Double> c = clinical.cases().get(id);
        return ClinicalRecord.newBuilder().setCaseId(id)
                .setAgeYears(c.get("age")).setAlbGPerL(c.get("alb")).setAfpNgPerMl(c.get("afp"))
                .setAltUPerL(c.get("alt")).setAstUPerL(c.get("ast")).setTbilUmolPerL(c.get("tbil"))
                .setTumorSizeMm(c.get("tumor_size_cm") * 10)
                .setSex(c.get("sex_male") == 1 ? Sex.MALE : Sex.FEMALE)
                .setHbsagPositive(c.get("hbsag_positive") == 1)
                .setChildPugh(c.get("child_pugh_b") == 1 ? ChildPugh.B : ChildPugh.A)
                .setCirrhosis(c.get("cirrhosis") == 1)
                .setTumorNumber(c.get("tumor_multiple") == 1 ? 2 : 1)
                .setTumorLocation(clinical.location().get(id))
                .setRecordedAt(Instant.EPOCH).build();
    }

    Outcome outcome(String id) {
        return Outcome.newBuilder().setCaseId(id).setEarlyRecurrence(outcomes.earlyRecurrence().get(id) == 1)
                .setFollowupMonths(outcomes.followupMonths().get(id)).setRecordedAt(Instant.EPOCH).build();
    }

    LabelledCases store(List<String> ids) {
        LabelledCases s = new LabelledCases();
        for (String id : ids) {
            s.putFeatures(id, caseFeatures(id));
            s.putClinical(id, clinicalRecord(id));
            s.putOutcome(id, outcome(id));
        }
        return s;
    }
}
