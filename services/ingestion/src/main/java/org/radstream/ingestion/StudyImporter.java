package org.radstream.ingestion;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.radstream.events.Reader;
import org.radstream.events.RoiFormat;
import org.radstream.events.RoiRef;
import org.radstream.events.Sequence;
import org.radstream.events.SeriesRef;
import org.radstream.events.StudyReceived;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.dicom.DicomFrame;
import org.radstream.imaging.dicom.DicomScan;
import org.radstream.imaging.dicom.DicomSeries;
import org.radstream.imaging.dicom.DicomSeriesReader;
import org.radstream.imaging.sequence.MrSequence;
import org.radstream.imaging.sequence.SequenceIdentifier;
import org.radstream.streaming.blob.BlobStore;
import org.radstream.streaming.dlq.ReasonCode;

/**
 * Turns the files of one MRI study (a patient folder, or the instances a C-STORE association delivered) into
 * a {@link StudyReceived}, or a rejection with a reason code:
 * <ol>
 * <li>read every file's header; an unreadable one rejects the study ({@code CORRUPT_DICOM}): a series with a
 *     hole would silently change the image;</li>
 * <li>one PatientID for the whole study ({@code MISSING_PATIENT_ID} otherwise), pseudonymised into the caseId;
 *     one StudyInstanceUID;</li>
 * <li>MR series assigned to T1WI/T2WI/AP/PVP/DP by the imaging library's {@link SequenceIdentifier}: a study
 *     without all five is rejected ({@code MISSING_SEQUENCE}, {@code UNKNOWN_SEQUENCE} when an unrecognised
 *     series is probably the missing one, {@code DUPLICATE_SEQUENCE});</li>
 * <li>each assigned series decoded once with {@link DicomSeriesReader#read} (truncated pixel data, unsupported
 *     transfer syntax, inconsistent geometry are found here, not three stages later);</li>
 * <li>ROIs: named files ({@link RoiFileName}) and SEG objects of the study (reader from ContentCreatorName or
 *     SeriesDescription, sequence from the referenced series); one per (reader, sequence), DICOM SEG preferred
 *     over NIfTI over NRRD; reader A must have drawn at least one ({@code MISSING_ROI});</li>
 * <li>the series and ROIs copied into the blob store under
 *     {@code <caseId>/<studyRef>/<seriesRef>/<instanceRef>.dcm} and {@code <caseId>/<studyRef>/roi/...}; the
 *     event carries their URIs.</li>
 * </ol>
 * Messages name files relative to the study folder with every identifier of the patient redacted. A rejected
 * corrupt file is kept in the blob store ({@code quarantine/<sha256>.dcm}) and its URI is the dead letter's
 * source.
 */
public final class StudyImporter {

    /** The files of one study, and the folder that names them in messages. */
    public record StudyFiles(Path baseDir, List<Path> dicomFiles, List<Path> roiFiles) {
        public StudyFiles {
            Objects.requireNonNull(baseDir, "baseDir");
            dicomFiles = List.copyOf(dicomFiles);
            roiFiles = List.copyOf(roiFiles);
        }
    }

    /** The result, and for a rejection the URI that locates the failed input. */
    public record Imported(RecordResult<StudyReceived> result, String sourceUri) {
    }

    private final Pseudonymiser pseudonymiser;
    private final SequenceIdentifier identifier;
    private final BlobStore blobs;
    private final Clock clock;

    public StudyImporter(Pseudonymiser pseudonymiser, SequenceIdentifier identifier, BlobStore blobs, Clock clock) {
        this.pseudonymiser = Objects.requireNonNull(pseudonymiser);
        this.identifier = Objects.requireNonNull(identifier);
        this.blobs = Objects.requireNonNull(blobs);
        this.clock = Objects.requireNonNull(clock);
    }

    /** @param source how the study arrived: {@code folder}, {@code c-store} or {@code cli} */
    public Imported importStudy(StudyFiles study, String source) throws IOException {
        Redactor redactor = new Redactor().add(study.baseDir().getFileName() == null ? null
                : study.baseDir().getFileName().toString(), "<patient>");
        // 1. headers
        List<DicomHeader> headers = new ArrayList<>();
        Map<Path, String> unreadable = new LinkedHashMap<>();
        for (Path f : study.dicomFiles()) {
            try {
                headers.add(DicomHeader.read(f));
            } catch (IOException e) {
                unreadable.put(f, e.getMessage());
            }
        }
        // 2. patient and study
        Set<String> patientIds = headers.stream().map(DicomHeader::patientId).collect(Collectors.toCollection(LinkedHashSet::new));
        String caseId = null;
        if (patientIds.size() == 1 && !patientIds.iterator().next().isEmpty()) {
            caseId = pseudonymiser.caseId(patientIds.iterator().next());
        }
        String replacement = caseId == null ? "<patient>" : caseId;
        patientIds.forEach(p -> redactor.add(p, replacement));
        headers.forEach(h -> redactor.addPersonName(h.patientName(), replacement));
        if (!unreadable.isEmpty()) {
            Map.Entry<Path, String> first = unreadable.entrySet().iterator().next();
            URI kept = blobs.putContentAddressed("quarantine", first.getKey(), ".dcm");
            return reject(caseId, ReasonCode.CORRUPT_DICOM, unreadable.size() + " of " + study.dicomFiles().size()
                    + " DICOM files unreadable, first " + rel(study, first.getKey()) + ": " + first.getValue(),
                    redactor, kept.toString());
        }
        if (headers.isEmpty()) {
            return reject(null, ReasonCode.MISSING_SEQUENCE, "no DICOM file in the study", redactor, studyUrn(null));
        }
        if (caseId == null) {
            return reject(null, ReasonCode.MISSING_PATIENT_ID, patientIds.contains("")
                    ? "PatientID (0010,0020) absent or empty in " + headers.stream().filter(h -> h.patientId().isEmpty()).count() + " files"
                    : patientIds.size() + " different PatientIDs (0010,0020) in one study", redactor, studyUrn(null));
        }
        Set<String> studyUids = headers.stream().filter(h -> "MR".equals(h.modality()))
                .map(DicomHeader::studyInstanceUid).collect(Collectors.toSet());
        if (studyUids.size() != 1 || studyUids.iterator().next().isEmpty()) {
            return reject(caseId, ReasonCode.MISSING_SEQUENCE, studyUids.isEmpty() ? "no MR image in the study"
                    : studyUids.size() + " StudyInstanceUIDs (0020,000D) among the MR images: import each study separately",
                    redactor, studyUrn(caseId));
        }
        String studyUid = studyUids.iterator().next();
        String studyRef = pseudonymiser.studyRef(studyUid);
        String urn = "urn:radstream:study:" + studyRef;

        // 3. series and sequences
        List<Path> mrFiles = headers.stream().filter(h -> "MR".equals(h.modality())).map(DicomHeader::file).toList();
        DicomScan scan;
        try {
            scan = DicomSeriesReader.scan(mrFiles);
        } catch (ImageInputException e) {
            return rejectImage(caseId, e, study, redactor, urn);
        }
        SequenceIdentifier.Assignment a = identifier.identify(scan.series(), Map.of());
        if (!a.complete()) {
            return rejectAssignment(caseId, a, redactor, urn);
        }
        // 4. decode once
        Map<String, DicomHeader> bySop = new HashMap<>();
        headers.forEach(h -> bySop.put(h.sopInstanceUid(), h));
        for (MrSequence s : MrSequence.STUDY) {
            try {
                DicomSeriesReader.read(a.assigned().get(s));
            } catch (ImageInputException e) {
                return rejectImage(caseId, e, study, redactor, urn);
            }
        }
        // 5. ROIs
        Map<String, Sequence> sequenceOfSeries = new HashMap<>();
        a.assigned().forEach((s, series) -> sequenceOfSeries.put(series.seriesInstanceUid(), Sequence.valueOf(s.name())));
        Map<String, Candidate> rois = new LinkedHashMap<>();
        List<String> roiProblems = new ArrayList<>();
        for (Path f : study.roiFiles()) {
            Optional<RoiFileName> n = RoiFileName.parse(f);
            if (n.isEmpty()) {
                roiProblems.add(rel(study, f) + ": name is not <SEQUENCE>_reader_<a|b>.<seg.dcm|nii.gz|nii|nrrd>");
                continue;
            }
            offer(rois, new Candidate(n.get().reader(), n.get().drawnOn(), n.get().format(), f));
        }
        for (DicomHeader h : headers) {
            if (!"SEG".equals(h.modality())) {
                continue;
            }
            Reader reader = readerOf(h);
            Sequence drawnOn = h.referencedSeriesUids().stream().map(sequenceOfSeries::get).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            if (reader == null || drawnOn == null) {
                roiProblems.add("SEG " + rel(study, h.file()) + ": " + (reader == null
                        ? "no reader A/B in ContentCreatorName or SeriesDescription"
                        : "references none of the study's five series"));
                continue;
            }
            offer(rois, new Candidate(reader, drawnOn, RoiFormat.DICOM_SEG, h.file()));
        }
        if (rois.values().stream().noneMatch(c -> c.reader == Reader.A)) {
            return reject(caseId, ReasonCode.MISSING_ROI, "no ROI of reader A" + (roiProblems.isEmpty() ? ""
                    : " (" + String.join("; ", roiProblems) + ")"), redactor, urn);
        }
        // 6. store and describe
        String prefix = caseId + "/" + studyRef;
        List<SeriesRef> seriesRefs = new ArrayList<>();
        for (MrSequence s : MrSequence.STUDY) {
            DicomSeries series = a.assigned().get(s);
            String seriesRef = pseudonymiser.seriesRef(series.seriesInstanceUid());
            for (Path f : series.frames().stream().map(DicomFrame::file).distinct().toList()) {
                blobs.put(prefix + "/" + seriesRef + "/" + pseudonymiser.instanceRef(sopOf(f, headers)) + ".dcm", f);
            }
            seriesRefs.add(seriesRef(s, series, seriesRef, blobs.folderUri(prefix + "/" + seriesRef), headers));
        }
        List<RoiRef> roiRefs = new ArrayList<>();
        for (Candidate c : rois.values().stream().sorted(Comparator.comparing((Candidate c) -> c.reader)
                .thenComparing(c -> c.drawnOn)).toList()) {
            URI u = blobs.put(prefix + "/roi/" + c.drawnOn + "_reader_" + c.reader.name().toLowerCase(Locale.ROOT)
                    + RoiFileName.extension(c.format, c.file), c.file);
            roiRefs.add(RoiRef.newBuilder().setReader(c.reader).setDrawnOn(c.drawnOn).setFormat(c.format)
                    .setUri(u.toString()).setLabel(1).build());
        }
        StudyReceived event = StudyReceived.newBuilder().setCaseId(caseId).setStudyRef(studyRef).setSource(source)
                .setReceivedAt(clock.instant()).setSeries(seriesRefs).setRois(roiRefs).build();
        return new Imported(new RecordResult.Accepted<>(caseId, event), null);
    }

    private record Candidate(Reader reader, Sequence drawnOn, RoiFormat format, Path file) {
    }

    /** Keeps the preferred format per (reader, sequence): DICOM SEG, then NIfTI, then NRRD. */
    private static void offer(Map<String, Candidate> rois, Candidate c) {
        rois.merge(c.reader + "/" + c.drawnOn, c, (old, neu) -> rank(neu.format) < rank(old.format) ? neu : old);
    }

    private static int rank(RoiFormat f) {
        return switch (f) {
            case DICOM_SEG -> 0;
            case NIFTI -> 1;
            case NRRD -> 2;
            case DICOM_RTSTRUCT -> 3;
        };
    }

    /** Reader A or B from "READER_A^READER" (ContentCreatorName) or "ROI READER_B" (SeriesDescription). */
    static Reader readerOf(DicomHeader h) {
        for (String text : List.of(h.contentCreatorName(), h.seriesDescription())) {
            String t = " " + text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ") + " ";
            if (t.contains(" READER A ")) {
                return Reader.A;
            }
            if (t.contains(" READER B ")) {
                return Reader.B;
            }
        }
        return null;
    }

    private SeriesRef seriesRef(MrSequence s, DicomSeries series, String seriesRef, URI uri, List<DicomHeader> headers) {
        DicomFrame f0 = series.frames().get(0);
        LocalDate date = headers.stream().filter(h -> h.seriesInstanceUid().equals(series.seriesInstanceUid()))
                .map(DicomHeader::date).filter(Objects::nonNull).findFirst().orElse(null);
        Long acquired = date == null || series.acquisitionTime() == null ? null
                // DICOM dates and times are local without a timezone offset: taken as UTC, they still order phases
                : LocalDateTime.of(date, series.acquisitionTime()).toInstant(ZoneOffset.UTC).toEpochMilli();
        return SeriesRef.newBuilder()
                .setSequence(Sequence.valueOf(s.name()))
                .setSeriesUri(uri.toString())
                .setSeriesRef(seriesRef)
                .setSeriesDescription(series.seriesDescription().isEmpty() ? null : series.seriesDescription())
                .setInstances((int) series.instanceCount())
                .setRows(f0.rows())
                .setColumns(f0.columns())
                .setPixelSpacingMm(List.of(f0.pixelSpacing()[0], f0.pixelSpacing()[1]))
                .setSliceThicknessMm(Double.isNaN(f0.sliceThickness()) ? null : f0.sliceThickness())
                .setMagneticFieldStrengthT(Double.isNaN(series.magneticFieldStrength()) ? null : series.magneticFieldStrength())
                .setManufacturer(series.manufacturer().isEmpty() ? null : series.manufacturer())
                .setAcquisitionTime(acquired == null ? null : java.time.Instant.ofEpochMilli(acquired))
                .build();
    }

    private static String sopOf(Path f, List<DicomHeader> headers) {
        return headers.stream().filter(h -> h.file().equals(f)).map(DicomHeader::sopInstanceUid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no header read for a series file"));
    }

    private Imported rejectAssignment(String caseId, SequenceIdentifier.Assignment a, Redactor redactor, String urn) {
        List<SequenceIdentifier.Finding> f = a.findings();
        boolean duplicate = f.stream().anyMatch(x -> x.kind() == SequenceIdentifier.Finding.Kind.DUPLICATE);
        boolean unknown = f.stream().anyMatch(x -> x.kind() == SequenceIdentifier.Finding.Kind.UNKNOWN);
        ReasonCode reason = duplicate ? ReasonCode.DUPLICATE_SEQUENCE
                : unknown ? ReasonCode.UNKNOWN_SEQUENCE : ReasonCode.MISSING_SEQUENCE;
        String msg = f.stream().filter(x -> x.kind() == SequenceIdentifier.Finding.Kind.MISSING
                        || x.kind() == SequenceIdentifier.Finding.Kind.DUPLICATE || x.kind() == SequenceIdentifier.Finding.Kind.UNKNOWN)
                .map(SequenceIdentifier.Finding::message).collect(Collectors.joining("; "));
        return reject(caseId, reason, "sequences: " + msg, redactor, urn);
    }

    private Imported rejectImage(String caseId, ImageInputException e, StudyFiles study, Redactor redactor, String urn)
            throws IOException {
        ReasonCode reason = e.reason() == ImageInputException.Reason.UNSUPPORTED
                ? ReasonCode.UNSUPPORTED_TRANSFER_SYNTAX : ReasonCode.CORRUPT_DICOM;
        String msg = e.getMessage();
        String source = urn;
        if (e.file() != null) {
            msg = msg.replace(e.file().toString(), rel(study, e.file()));
            if (java.nio.file.Files.isRegularFile(e.file())) {
                source = blobs.putContentAddressed("quarantine", e.file(), ".dcm").toString();
            }
        }
        return reject(caseId, reason, msg, redactor, source);
    }

    private static Imported reject(String caseId, ReasonCode reason, String message, Redactor redactor, String sourceUri) {
        return new Imported(new RecordResult.Rejected<>(caseId, reason, redactor.redact(message)), sourceUri);
    }

    private static String studyUrn(String caseId) {
        return "urn:radstream:study:" + (caseId == null ? "unidentified" : caseId);
    }

    /**
     * A file as messages name it: relative to the study folder; a file named by its SOP Instance UID (the C-STORE
     * spool) by the instance's pseudonymous reference instead, since UIDs can be traced back to the hospital.
     */
    private String rel(StudyFiles study, Path f) {
        Path base = study.baseDir().toAbsolutePath().normalize();
        Path p = f.toAbsolutePath().normalize();
        String name = p.getFileName().toString();
        if (name.matches("[0-9]+(\\.[0-9]+){3,}")) {
            return "instance " + pseudonymiser.instanceRef(name);
        }
        return p.startsWith(base) ? base.relativize(p).toString() : name;
    }
}
