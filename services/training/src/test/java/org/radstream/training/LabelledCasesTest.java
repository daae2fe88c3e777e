package org.radstream.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.CaseFeatures;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.FeatureValues;
import org.radstream.modeling.study.FeatureTable;
import org.radstream.modeling.study.Sequence;
import org.radstream.modeling.study.StudyAnalysis;
import org.radstream.modeling.study.StudySettings;

class LabelledCasesTest {
    static SyntheticCohort cohort;

    @BeforeAll
    static void cohort(@TempDir Path dir) {
        cohort = SyntheticCohort.write(dir, 11);
    }

    @Test
    void snapshotGivesTheAnalysisWhatTheCsvReadersGiveIt() throws Exception {
        TrainingData d = cohort.store(cohort.ids()).snapshot();
        assertEquals(90, d.cases());
        assertEquals(38, d.events());
        assertTrue(d.excluded().isEmpty(), d.excluded().toString());
        assertEquals(SyntheticCohort.HASH, d.settingsHash());
        for (Sequence s : Sequence.values()) {
            FeatureTable.SequenceFeatures want = cohort.features().sequences().get(s), got = d.inputs().readerA().sequences().get(s);
            assertEquals(want.names(), got.names(), s.name());
            for (String id : cohort.ids()) {
                assertArrayEquals(want.cases().get(id), got.cases().get(id), 0.0, id + " " + s);
            }
        }
        for (String id : cohort.ids()) {
            cohort.clinical().cases().get(id).forEach((k, v) -> assertEquals(v, d.inputs().clinical().value(id, k),
                    k.equals("tumor_size_cm") ? 1e-12 : 0.0, id + " " + k));
        }
        assertEquals(cohort.clinical().locationLevels(), d.inputs().clinical().locationLevels());
        assertEquals(cohort.outcomes().earlyRecurrence(), d.inputs().outcomes().earlyRecurrence());

        // the whole analysis: the streamed cohort gives the model the CSV files give
        StudyAnalysis.Result fromCsv = StudyAnalysis.run(new StudyAnalysis.Inputs(cohort.features(), null, cohort.clinical(),
                cohort.outcomes()), StudySettings.DEFAULT);
        StudyAnalysis.Result fromEvents = StudyAnalysis.run(d.inputs(), StudySettings.DEFAULT);
        ObjectMapper om = new ObjectMapper();
        assertEquals(om.writeValueAsString(fromCsv.artifact().get("models")), om.writeValueAsString(fromEvents.artifact().get("models")));
        assertEquals(om.writeValueAsString(fromCsv.artifact().get("nomogram")), om.writeValueAsString(fromEvents.artifact().get("nomogram")));
        assertEquals(om.writeValueAsString(fromCsv.analysis().get("nomogram").get("cases")),
                om.writeValueAsString(fromEvents.analysis().get("nomogram").get("cases")));
    }

    @Test
    void fingerprintDependsOnTheDataNotOnArrivalOrderOrTimestamps() {
        List<String> ids = cohort.ids();
        String fp = cohort.store(ids).snapshot().fingerprint();
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(3));
        LabelledCases s = new LabelledCases();
        for (String id : shuffled) { // outcomes first, features last, clinical re-sent later with another timestamp
            s.putOutcome(id, cohort.outcome(id));
            s.putClinical(id, cohort.clinicalRecord(id));
        }
        for (String id : shuffled) {
            s.putFeatures(id, cohort.caseFeatures(id));
            ClinicalRecord c = cohort.clinicalRecord(id);
            c.setRecordedAt(Instant.parse("2026-11-27T11:00:00Z"));
            s.putClinical(id, c);
        }
        assertEquals(fp, s.snapshot().fingerprint());

        // a case with features only is not labelled and changes nothing
        assertFalse(s.putFeatures("case-new", cohort.caseFeatures(ids.get(0))));
        assertEquals(fp, s.snapshot().fingerprint());

        // one feature value changes -> another fingerprint
        CaseFeatures changed = cohort.caseFeatures(ids.get(4));
        FeatureValues fv = changed.getSequences().get(2);
        List<Double> v = new ArrayList<>(fv.getValues());
        v.set(0, Math.nextUp(v.get(0)));
        fv.setValues(v);
        assertTrue(s.putFeatures(ids.get(4), changed), "a labelled case changed");
        String fp2 = s.snapshot().fingerprint();
        assertNotEquals(fp, fp2);

        // an outcome removed (tombstone) -> the case is no longer labelled -> another fingerprint
        assertTrue(s.putOutcome(ids.get(7), null));
        assertEquals(89, s.snapshot().cases());
        assertNotEquals(fp2, s.snapshot().fingerprint());
    }

    @Test
    void casesWithOtherSettingsOrWithoutNomogramPredictorsAreExcludedWithTheReason() {
        List<String> ids = cohort.ids();
        LabelledCases s = cohort.store(ids);
        s.putFeatures(ids.get(1), cohort.caseFeatures(ids.get(1), "settings-2"));
        CaseFeatures mixed = cohort.caseFeatures(ids.get(2));
        mixed.getSequences().get(0).setSettingsHash("settings-3");
        s.putFeatures(ids.get(2), mixed);
        CaseFeatures fourSequences = cohort.caseFeatures(ids.get(3));
        fourSequences.setSequences(new ArrayList<>(fourSequences.getSequences().subList(0, 4)));
        s.putFeatures(ids.get(3), fourSequences);
        ClinicalRecord noAlb = cohort.clinicalRecord(ids.get(5));
        noAlb.setAlbGPerL(null);
        s.putClinical(ids.get(5), noAlb);

        TrainingData d = s.snapshot();
        assertEquals(86, d.cases());
        assertEquals(SyntheticCohort.HASH, d.settingsHash());
        assertEquals(4, d.excluded().size(), d.excluded().toString());
        assertTrue(d.excluded().get(ids.get(1)).contains("settings-2"), d.excluded().toString());
        assertTrue(d.excluded().get(ids.get(2)).contains("different settings"), d.excluded().toString());
        assertTrue(d.excluded().get(ids.get(3)).contains("DP"), d.excluded().toString());
        assertTrue(d.excluded().get(ids.get(5)).contains("ALB"), d.excluded().toString());
        assertFalse(d.caseIds().contains(ids.get(1)));
        assertFalse(d.inputs().outcomes().earlyRecurrence().containsKey(ids.get(5)));
        assertEquals(86, d.inputs().readerA().sequences().get(Sequence.AP).cases().size());
    }

    @Test
    void perSequenceTheFeaturesOfEveryCaseAreUsedOthersExcludedWithTheReason() {
        List<String> ids = cohort.ids();
        LabelledCases s = cohort.store(ids);
        // case 0 was gated with a smaller stable set for T1WI; case 1 has a NaN in T2WI
        CaseFeatures c0 = cohort.caseFeatures(ids.get(0));
        FeatureValues t1 = c0.getSequences().get(0);
        String dropped = t1.getNames().get(3);
        t1.setNames(new ArrayList<>(t1.getNames().subList(0, 3)));
        t1.getNames().addAll(cohort.caseFeatures(ids.get(0)).getSequences().get(0).getNames().subList(4, t1.getValues().size()));
        List<Double> v0 = new ArrayList<>(t1.getValues());
        v0.remove(3);
        t1.setValues(v0);
        s.putFeatures(ids.get(0), c0);
        CaseFeatures c1 = cohort.caseFeatures(ids.get(1));
        FeatureValues t2 = c1.getSequences().get(1);
        String nan = t2.getNames().get(0);
        List<Double> v1 = new ArrayList<>(t2.getValues());
        v1.set(0, Double.NaN);
        t2.setValues(v1);
        s.putFeatures(ids.get(1), c1);

        TrainingData d = s.snapshot();
        FeatureTable.SequenceFeatures f1 = d.inputs().readerA().sequences().get(Sequence.T1WI);
        assertFalse(f1.names().contains(dropped));
        assertEquals("not in the stable feature set applied to 1 of 90 cases", f1.excluded().get(dropped));
        assertEquals(cohort.features().sequences().get(Sequence.T1WI).names().size() - 1, f1.names().size());
        FeatureTable.SequenceFeatures f2 = d.inputs().readerA().sequences().get(Sequence.T2WI);
        assertEquals("missing or NaN for 1 of 90 cases", f2.excluded().get(nan));
        assertEquals(90, d.cases(), "the cases stay; only the features go");
    }
}
