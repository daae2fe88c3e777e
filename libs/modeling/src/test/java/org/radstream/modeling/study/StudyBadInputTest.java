package org.radstream.modeling.study;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.modeling.ModelingException;

/** Bad input gets a clear error naming the file, the field and the reason (issue 5, "Bad input"). */
class StudyBadInputTest {
    @TempDir
    Path dir;

    private SyntheticStudy.Files4 files() {
        return SyntheticStudy.write(dir, 21);
    }

    private static void replace(Path p, String from, String to) throws IOException {
        String s = Files.readString(p);
        assertTrue(s.contains(from), "test setup: " + from + " not in " + p);
        Files.writeString(p, s.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    private static void fails(Executable e, String... fragments) {
        ModelingException ex = assertThrows(ModelingException.class, e);
        for (String f : fragments) {
            assertTrue(ex.getMessage().contains(f), "message lacks '" + f + "': " + ex.getMessage());
        }
    }

    private static StudyAnalysis.Result run(SyntheticStudy.Files4 f, StudySettings s) {
        return StudyAnalysis.run(StudyAnalysisTest.inputs(f, true), s);
    }

    @Test
    void unknownSequence() throws IOException {
        SyntheticStudy.Files4 f = files();
        replace(f.featuresA(), "case-003,AP,", "case-003,DWI,");
        fails(() -> FeatureTable.read(f.featuresA()), "features_a.csv", "column 'sequence'", "unknown sequence 'DWI'");
    }

    @Test
    void nonNumericFeatureValue() throws IOException {
        SyntheticStudy.Files4 f = files();
        String s = Files.readString(f.featuresA());
        int start = s.indexOf("case-004,PVP,");
        int comma = s.indexOf(',', s.indexOf(".nii.gz,mask", start) + 13);
        String bad = s.substring(0, comma + 1) + "abc" + s.substring(s.indexOf(',', comma + 1));
        Files.writeString(f.featuresA(), bad);
        fails(() -> FeatureTable.read(f.featuresA()), "features_a.csv", "original_feature0", "'abc' is not a number", "case-004");
    }

    @Test
    void failedExtractionRowAsFeaturesBatchWritesIt() throws IOException {
        Path p = Files.createDirectories(dir).resolve("batch.csv");
        Files.writeString(p, "caseId,sequence,image,mask,label,status,error,original_firstorder_Mean\n"
                + "c1,AP,a.nii,m.nii,1,ok,,1.5\n"
                + "c2,AP,b.nii,n.nii,1,error,mask is empty,\n");
        fails(() -> FeatureTable.read(p), "batch.csv", "column 'status'", "feature extraction failed for case c2, sequence AP: mask is empty");
        Files.writeString(p, "caseId,sequence,image,mask,label,status,error,original_firstorder_Mean\n"
                + "c1,AP,a.nii,m.nii,1,ok,,1.5\n");
        FeatureTable t = FeatureTable.read(p);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("original_firstorder_Mean"), t.sequences().get(Sequence.AP).names());
        assertTrue(t.ignoredColumns().containsAll(java.util.List.of("image", "mask", "label", "status", "error")));
    }

    @Test
    void duplicateCaseAndSequence() throws IOException {
        SyntheticStudy.Files4 f = files();
        String s = Files.readString(f.featuresA());
        int a = s.indexOf("case-001,T1WI,");
        String line = s.substring(a, s.indexOf('\n', a) + 1);
        Files.writeString(f.featuresA(), s + line);
        fails(() -> FeatureTable.read(f.featuresA()), "duplicate row for case case-001, sequence T1WI");
    }

    @Test
    void missingOutcome() throws IOException {
        SyntheticStudy.Files4 f = files();
        replace(f.outcomes(), "case-010,1,", "case-010,,");
        fails(() -> OutcomeTable.read(f.outcomes()), "outcomes.csv", "early_recurrence", "outcome missing for case case-010");
    }

    @Test
    void caseWithFeaturesButNoOutcomeRow() throws IOException {
        SyntheticStudy.Files4 f = files();
        String s = Files.readString(f.outcomes());
        int a = s.indexOf("case-011,");
        Files.writeString(f.outcomes(), s.substring(0, a) + s.substring(s.indexOf('\n', a) + 1));
        fails(() -> run(f, StudySettings.DEFAULT), "outcome missing for case case-011");
    }

    @Test
    void caseMissingASequence() throws IOException {
        SyntheticStudy.Files4 f = files();
        String s = Files.readString(f.featuresA());
        int a = s.indexOf("case-012,DP,");
        Files.writeString(f.featuresA(), s.substring(0, a) + s.substring(s.indexOf('\n', a) + 1));
        fails(() -> run(f, StudySettings.DEFAULT), "case case-012 has no DP row");
    }

    @Test
    void oneClassOnly() throws IOException {
        SyntheticStudy.Files4 f = files();
        Files.writeString(f.outcomes(), Files.readString(f.outcomes()).replaceAll(",1,", ",0,"));
        fails(() -> run(f, StudySettings.DEFAULT), "outcome class 1 has 0 cases");
    }

    @Test
    void tooFewCasesForKFold() {
        SyntheticStudy.Files4 f = files();
        StudySettings s = StudySettings.DEFAULT.withSelection(StudySettings.DEFAULT.selection().withCvFolds(30));
        fails(() -> run(f, s), "T1WI model (training cohort)", "too few cases for 30-fold cross-validation", "27 events");
    }

    @Test
    void missingAlbuminForTheNomogram() throws IOException {
        SyntheticStudy.Files4 f = files();
        String s = Files.readString(f.clinical());
        int a = s.indexOf("case-015,");
        int c1 = s.indexOf(',', s.indexOf(',', s.indexOf(',', a) + 1) + 1); // after caseId, age, sex
        int c2 = s.indexOf(',', c1 + 1);
        Files.writeString(f.clinical(), s.substring(0, c1 + 1) + s.substring(c2));
        fails(() -> run(f, StudySettings.DEFAULT), "clinical.csv", "case case-015 has no value for alb");
    }

    @Test
    void badClinicalToken() throws IOException {
        SyntheticStudy.Files4 f = files();
        String s = Files.readString(f.clinical());
        int a = s.indexOf("case-016,");
        int c1 = s.indexOf(',', s.indexOf(',', a) + 1);
        int c2 = s.indexOf(',', c1 + 1);
        Files.writeString(f.clinical(), s.substring(0, c1 + 1) + "X" + s.substring(c2));
        fails(() -> ClinicalTable.read(f.clinical()), "clinical.csv", "column 'sex'", "'X' is not M/F");
    }

    @Test
    void readerBCaseWithoutReaderA() throws IOException {
        SyntheticStudy.Files4 f = files();
        replace(f.featuresB(), "case-001,T1WI,", "case-999,T1WI,");
        fails(() -> run(f, StudySettings.DEFAULT), "features_b.csv", "case case-999 (T1WI) has no reader-A row");
    }
}
