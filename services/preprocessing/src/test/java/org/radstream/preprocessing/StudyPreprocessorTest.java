package org.radstream.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.Reader;
import org.radstream.events.RoiFormat;
import org.radstream.events.RoiRef;
import org.radstream.events.Sequence;
import org.radstream.events.SeriesRef;
import org.radstream.events.StudyReceived;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.dicom.DicomSeriesReader;
import org.radstream.imaging.dicom.SeriesVolume;
import org.radstream.imaging.io.NiftiWriter;
import org.radstream.imaging.preprocess.PreprocessedRoi;
import org.radstream.imaging.preprocess.PreprocessingSettings;
import org.radstream.imaging.preprocess.RoiPreprocessor;
import org.radstream.imaging.roi.RoiLoader;
import org.radstream.imaging.sequence.MrSequence;
import org.radstream.streaming.blob.FileSystemBlobStore;
import org.radstream.streaming.dlq.ReasonCode;

/**
 * The per-study logic on a generated 2-patient cohort: outputs equal the imaging library called directly on the
 * same files, and each kind of bad input is rejected with its reason code.
 */
class StudyPreprocessorTest {

    @TempDir
    static Path dir;
    static List<Path> patients;
    static StudyPreprocessor preprocessor;
    static final RoiPreprocessor LIBRARY = new RoiPreprocessor(PreprocessingSettings.STUDY);

    @BeforeAll
    static void cohort() throws IOException {
        CohortStudies.generate(dir, 2);
        patients = CohortStudies.patients(dir);
        preprocessor = new StudyPreprocessor(LIBRARY, new FileSystemBlobStore(dir));
    }

    @Test
    void onePerSequenceAndReaderEqualToTheLibraryOnTheSameFiles() throws Exception {
        for (Path p : patients) {
            StudyReceived study = CohortStudies.study(p);
            long readers = study.getRois().stream().map(RoiRef::getReader).distinct().count();
            List<RoiOutput> out = preprocessor.preprocess(EventConverter.toInput(study));
            assertEquals(5 * readers, out.size(), p.getFileName().toString());
            for (RoiOutput o : out) {
                SeriesVolume series = DicomSeriesReader.readSingleSeries(p.resolve(o.sequence().name()));
                Path roi = p.resolve("roi").resolve(o.sequence() + "_reader_" + o.reader().toLowerCase() + ".seg.dcm");
                PreprocessedRoi expected = LIBRARY.preprocess(series.volume(), RoiLoader.load(roi, series, 1), roi,
                        List.of(), "x");
                assertEquals(expected.geometry(), o.roi().geometry());
                assertArrayEquals(expected.image().voxels(), o.roi().image().voxels());
                assertArrayEquals(expected.mask().labels(), o.roi().mask().labels());
                assertEquals(PreprocessingSettings.STUDY.hash(), o.roi().settingsHash());
                assertEquals(roi.toUri(), o.roiUri());
                assertTrue(o.roiSlice() >= 0 && o.roiSlice() < o.roi().geometry().nz());
            }
        }
    }

    @Test
    void aRoiDrawnOnlyOnDpIsMappedOntoEverySequenceByPatientCoordinates() throws Exception {
        Path p = patients.get(0);
        Path dp = p.resolve("roi/DP_reader_a.seg.dcm");
        StudyReceived study = withRois(CohortStudies.study(p), List.of(CohortStudies.roi(Reader.A, Sequence.DP,
                RoiFormat.DICOM_SEG, dp)));
        List<RoiOutput> out = preprocessor.preprocess(EventConverter.toInput(study));
        assertEquals(5, out.size());
        RoiOutput t2 = out.stream().filter(o -> o.sequence() == MrSequence.T2WI).findFirst().orElseThrow();
        SeriesVolume series = DicomSeriesReader.readSingleSeries(p.resolve("T2WI"));
        PreprocessedRoi expected = LIBRARY.preprocess(series.volume(), RoiLoader.load(dp, series, 1), dp, List.of(), "x");
        assertArrayEquals(expected.image().voxels(), t2.roi().image().voxels());
        assertEquals(dp.toUri(), t2.roiUri());
    }

    @Test
    void roiChoicePrefersTheTargetSequenceThenDpThenT2() {
        URI u = URI.create("file:///x");
        var t2 = new StudyInput.Roi("A", MrSequence.T2WI, u, 1);
        var dp = new StudyInput.Roi("A", MrSequence.DP, u, 1);
        var ap = new StudyInput.Roi("A", MrSequence.AP, u, 1);
        var b = new StudyInput.Roi("B", MrSequence.AP, u, 1);
        List<StudyInput.Roi> rois = List.of(t2, ap, dp, b);
        assertEquals(ap, StudyPreprocessor.roiFor(rois, "A", MrSequence.AP).orElseThrow());
        assertEquals(dp, StudyPreprocessor.roiFor(rois, "A", MrSequence.PVP).orElseThrow());
        assertEquals(t2, StudyPreprocessor.roiFor(List.of(t2, ap), "A", MrSequence.T1WI).orElseThrow());
        assertEquals(b, StudyPreprocessor.roiFor(rois, "B", MrSequence.T1WI).orElseThrow());
        assertTrue(StudyPreprocessor.roiFor(List.of(b), "A", MrSequence.T1WI).isEmpty());
    }

    @Test
    void missingSequence() throws Exception {
        StudyReceived s = CohortStudies.study(patients.get(0));
        s.setSeries(s.getSeries().stream().filter(r -> r.getSequence() != Sequence.AP).toList());
        assertReason(ReasonCode.MISSING_SEQUENCE, s);
    }

    @Test
    void noRoiOfReaderA() throws Exception {
        StudyReceived s = CohortStudies.study(patients.get(0));
        s.setRois(s.getRois().stream().filter(r -> r.getReader() != Reader.A).toList());
        assertReason(ReasonCode.MISSING_ROI, s);
    }

    @Test
    void corruptDicom() throws Exception {
        Path p = patients.get(0);
        Path copy = dir.resolve("corrupt/T1WI");
        copyDir(p.resolve("T1WI"), copy);
        Path victim;
        try (Stream<Path> s = Files.list(copy)) {
            victim = s.sorted().skip(3).findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(victim);
        Files.write(victim, java.util.Arrays.copyOf(b, 200)); // header cut short, no pixel data
        assertReason(ReasonCode.CORRUPT_DICOM, replaceSeries(CohortStudies.study(p), Sequence.T1WI, copy));
    }

    @Test
    void emptyMask() throws Exception {
        Path p = patients.get(0);
        Geometry g = DicomSeriesReader.readSingleSeries(p.resolve("DP")).volume().geometry();
        Path f = dir.resolve("masks/empty.nii.gz");
        Files.createDirectories(f.getParent());
        NiftiWriter.write(f, new LabelMap(g, new int[g.voxelCount()]));
        assertReason(ReasonCode.EMPTY_MASK, withRois(CohortStudies.study(p),
                List.of(CohortStudies.roi(Reader.A, Sequence.DP, RoiFormat.NIFTI, f))));
    }

    @Test
    void maskOutsideTheImage() throws Exception {
        Path p = patients.get(0);
        Geometry g = DicomSeriesReader.readSingleSeries(p.resolve("DP")).volume().geometry();
        double[] o = g.origin();
        o[0] += 1000; // the same voxels, one metre to the patient's left
        Geometry far = new Geometry(g.nx(), g.ny(), g.nz(), g.spacing(), o, g.direction());
        int[] l = new int[g.voxelCount()];
        l[g.index(g.nx() / 2, g.ny() / 2, g.nz() / 2)] = 1;
        Path f = dir.resolve("masks/outside.nii.gz");
        Files.createDirectories(f.getParent());
        NiftiWriter.write(f, new LabelMap(far, l));
        assertReason(ReasonCode.MASK_OUTSIDE_IMAGE, withRois(CohortStudies.study(p),
                List.of(CohortStudies.roi(Reader.A, Sequence.DP, RoiFormat.NIFTI, f))));
    }

    @Test
    void segOfAnotherFrameOfReference() throws Exception {
        // patient 2's SEG references patient 2's frame of reference, not patient 1's
        Path other = patients.get(1).resolve("roi/DP_reader_a.seg.dcm");
        assertReason(ReasonCode.GEOMETRY_MISMATCH, withRois(CohortStudies.study(patients.get(0)),
                List.of(CohortStudies.roi(Reader.A, Sequence.DP, RoiFormat.DICOM_SEG, other))));
    }

    @Test
    void uriOutsideTheBlobStoreOrMissing() throws Exception {
        StudyReceived s = replaceSeries(CohortStudies.study(patients.get(0)), Sequence.PVP, Path.of("/nonexistent/PVP"));
        assertReason(ReasonCode.BLOB_NOT_FOUND, s);
        assertReason(ReasonCode.BLOB_NOT_FOUND, replaceSeries(CohortStudies.study(patients.get(0)), Sequence.PVP,
                dir.resolve("no-such-series")));
    }

    private static void assertReason(ReasonCode expected, StudyReceived study) {
        PreprocessingRejected e = assertThrows(PreprocessingRejected.class,
                () -> preprocessor.preprocess(EventConverter.toInput(study)));
        assertEquals(expected, e.reasonCode(), e.getMessage());
    }

    private static StudyReceived withRois(StudyReceived s, List<RoiRef> rois) {
        return StudyReceived.newBuilder(s).setRois(rois).build();
    }

    private static StudyReceived replaceSeries(StudyReceived s, Sequence seq, Path folder) {
        List<SeriesRef> series = new ArrayList<>();
        for (SeriesRef r : s.getSeries()) {
            series.add(r.getSequence() == seq ? CohortStudies.series(folder, seq, s.getCaseId()) : r);
        }
        return StudyReceived.newBuilder(s).setSeries(series).build();
    }

    private static void copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
