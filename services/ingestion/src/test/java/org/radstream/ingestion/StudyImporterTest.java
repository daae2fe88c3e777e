package org.radstream.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.Reader;
import org.radstream.events.RoiFormat;
import org.radstream.events.RoiRef;
import org.radstream.events.Sequence;
import org.radstream.events.SeriesRef;
import org.radstream.events.StudyReceived;
import org.radstream.imaging.sequence.SequenceIdentifier;
import org.radstream.imaging.sequence.SequenceRules;
import org.radstream.streaming.blob.FileSystemBlobStore;
import org.radstream.streaming.dlq.ReasonCode;

class StudyImporterTest {

    @TempDir
    static Path cohortDir;
    static Path cohort;

    @TempDir
    Path work;

    final Pseudonymiser pseudo = new Pseudonymiser(PseudonymiserTest.KEY);

    @BeforeAll
    static void generate() throws Exception {
        cohort = Cohorts.generate(cohortDir.resolve("cohort"), 2);
    }

    private Path patient() throws Exception {
        Path p = work.resolve("in/RS-0001");
        Cohorts.copyTree(cohort.resolve("patients/RS-0001"), p);
        return p;
    }

    private StudyImporter.Imported importStudy(Path dir) throws Exception {
        StudyImporter importer = new StudyImporter(pseudo, new SequenceIdentifier(SequenceRules.DEFAULT),
                new FileSystemBlobStore(work.resolve("blobs")), Clock.systemUTC());
        return importer.importStudy(Ingestion.studyFiles(dir), "folder");
    }

    @Test
    void completeStudyBecomesStudyReceivedWithBlobUris() throws Exception {
        StudyImporter.Imported imported = importStudy(patient());
        StudyReceived e = assertInstanceOf(RecordResult.Accepted.class, imported.result()) instanceof RecordResult.Accepted<?> a
                ? (StudyReceived) a.event() : null;
        assertEquals(pseudo.caseId("RS-0001"), e.getCaseId());
        assertEquals("folder", e.getSource());
        assertEquals(List.of(Sequence.T1WI, Sequence.T2WI, Sequence.AP, Sequence.PVP, Sequence.DP),
                e.getSeries().stream().map(SeriesRef::getSequence).toList());
        Path blobs = work.resolve("blobs").toAbsolutePath();
        for (SeriesRef s : e.getSeries()) {
            assertEquals(8, s.getInstances());
            URI u = URI.create(s.getSeriesUri());
            assertTrue(Path.of(u).startsWith(blobs.resolve(e.getCaseId()).resolve(e.getStudyRef())), u::toString);
            try (var files = Files.list(Path.of(u))) {
                assertEquals(8, files.count());
            }
            assertTrue(s.getPixelSpacingMm().size() == 2 && s.getRows() > 0 && s.getColumns() > 0);
            assertTrue(s.getAcquisitionTime() != null);
        }
        // contrast phases in acquisition order
        assertTrue(e.getSeries().get(2).getAcquisitionTime().isBefore(e.getSeries().get(3).getAcquisitionTime()));
        // both readers on all five sequences, the SEG preferred over the NIfTI copy
        assertEquals(10, e.getRois().size());
        assertTrue(e.getRois().stream().allMatch(r -> r.getFormat() == RoiFormat.DICOM_SEG));
        Set<String> keys = e.getRois().stream().map(r -> r.getReader() + "/" + r.getDrawnOn()).collect(Collectors.toSet());
        assertEquals(10, keys.size());
        for (RoiRef r : e.getRois()) {
            assertTrue(Files.isRegularFile(Path.of(URI.create(r.getUri()))));
            assertEquals(1, r.getLabel());
        }
        assertFalse(e.toString().contains("RS-0001"), "patient id leaked into the event");
    }

    @Test
    void niftiIsUsedWhenThereIsNoSeg() throws Exception {
        Path p = patient();
        try (var s = Files.list(p.resolve("roi"))) {
            for (Path f : s.filter(f -> f.toString().endsWith(".seg.dcm")).toList()) {
                Files.delete(f);
            }
        }
        StudyReceived e = (StudyReceived) ((RecordResult.Accepted<?>) importStudy(p).result()).event();
        assertTrue(e.getRois().stream().allMatch(r -> r.getFormat() == RoiFormat.NIFTI && r.getUri().endsWith(".nii.gz")));
        assertEquals(5, e.getRois().stream().filter(r -> r.getReader() == Reader.A).count());
    }

    @Test
    void missingSequence() throws Exception {
        Path p = patient();
        Cohorts.deleteTree(p.resolve("DP"));
        assertRejected(importStudy(p), ReasonCode.MISSING_SEQUENCE, "no series for DP");
    }

    @Test
    void unknownSequence() throws Exception {
        Path p = patient();
        Cohorts.renameSeries(p.resolve("DP"), "xyz series");
        assertRejected(importStudy(p), ReasonCode.UNKNOWN_SEQUENCE, "matches no rule");
    }

    @Test
    void corruptFileRejectsTheStudyAndIsQuarantined() throws Exception {
        Path p = patient();
        Path bad = p.resolve("T2WI/IM0003.dcm");
        Files.write(bad, new byte[] {1, 2, 3, 4, 5});
        StudyImporter.Imported i = assertRejected(importStudy(p), ReasonCode.CORRUPT_DICOM, "T2WI/IM0003.dcm");
        assertTrue(i.sourceUri().matches("file:.*/quarantine/[0-9a-f]{64}\\.dcm"), i.sourceUri());
        assertTrue(Files.isRegularFile(Path.of(URI.create(i.sourceUri()))));
    }

    @Test
    void filesNamedByUidAreNamedByTheirPseudonymInMessages() throws Exception {
        // the C-STORE spool names files by SOP Instance UID
        Path p = patient();
        String uid = "1.2.826.0.1.3680043.2.1125.99.7";
        Path bad = p.resolve("T1WI").resolve(uid);
        Files.write(bad, new byte[] {9, 9, 9});
        StudyImporter.StudyFiles found = Ingestion.studyFiles(p); // skips the file: no .dcm, no DICM prefix
        java.util.List<Path> dicom = new java.util.ArrayList<>(found.dicomFiles());
        dicom.add(bad); // as a spool hands it over
        StudyImporter.Imported i = new StudyImporter(pseudo, new SequenceIdentifier(SequenceRules.DEFAULT),
                new FileSystemBlobStore(work.resolve("blobs")), Clock.systemUTC())
                .importStudy(new StudyImporter.StudyFiles(p, dicom, found.roiFiles()), "c-store");
        RecordResult.Rejected<?> r = assertInstanceOf(RecordResult.Rejected.class, i.result());
        assertEquals(ReasonCode.CORRUPT_DICOM, r.reason());
        assertTrue(r.message().contains("instance " + pseudo.instanceRef(uid)), r.message());
        assertFalse(r.message().contains(uid), r.message());
    }

    @Test
    void truncatedPixelDataIsFoundByDecoding() throws Exception {
        Path p = patient();
        Cohorts.truncate(p.resolve("AP/IM0004.dcm"), 0.8);
        assertRejected(importStudy(p), ReasonCode.CORRUPT_DICOM, "AP/IM0004.dcm");
    }

    @Test
    void noReaderARoi() throws Exception {
        Path p = patient();
        try (var s = Files.list(p.resolve("roi"))) {
            for (Path f : s.filter(f -> f.getFileName().toString().contains("reader_a")).toList()) {
                Files.delete(f);
            }
        }
        assertRejected(importStudy(p), ReasonCode.MISSING_ROI, "no ROI of reader A");
    }

    private StudyImporter.Imported assertRejected(StudyImporter.Imported i, ReasonCode reason, String part) {
        RecordResult.Rejected<?> r = assertInstanceOf(RecordResult.Rejected.class, i.result());
        assertEquals(reason, r.reason(), r.message());
        assertEquals(pseudo.caseId("RS-0001"), r.caseId());
        assertTrue(r.message().contains(part), r.message());
        assertFalse(r.message().contains("RS-0001"), r.message());
        assertFalse(i.sourceUri().contains("RS-0001"), i.sourceUri());
        assertFalse(r.message().contains(work.toString()), "absolute paths are not quoted: " + r.message());
        return i;
    }
}
