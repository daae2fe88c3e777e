package org.radstream.ingestion;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.radstream.events.StudyReceived;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion's work, independent of how input arrives (folder, C-STORE, REST, CLI): every input becomes an
 * event on its topic or a dead letter with a reason, and one bad input never stops the others. Counts inputs,
 * outputs and time per input in the stage metrics. Logs carry caseIds and reason codes only.
 */
public final class Ingestion {
    private static final Logger LOG = LoggerFactory.getLogger(Ingestion.class);

    /** Stage name in dead letters and metrics. */
    public static final String STAGE = "ingestion";

    /** Counts of one import run. */
    public record Summary(long studies, long clinical, long outcomes, long deadLetters) {
        public Summary plus(Summary o) {
            return new Summary(studies + o.studies, clinical + o.clinical, outcomes + o.outcomes, deadLetters + o.deadLetters);
        }

        @Override
        public String toString() {
            return studies + " studies, " + clinical + " clinical records, " + outcomes + " outcomes emitted; "
                    + deadLetters + " dead letters";
        }
    }

    private final StudyImporter studies;
    private final ClinicalRecords records;
    private final IngestionSink sink;
    private final StageMetrics metrics;
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    public Ingestion(StudyImporter studies, ClinicalRecords records, IngestionSink sink, StageMetrics metrics) {
        this.studies = Objects.requireNonNull(studies);
        this.records = Objects.requireNonNull(records);
        this.sink = Objects.requireNonNull(sink);
        this.metrics = Objects.requireNonNull(metrics);
    }

    /** Imports one study; returns true when it was emitted, false when dead-lettered. */
    public boolean study(StudyImporter.StudyFiles files, String source) {
        metrics.recordsIn(1);
        StudyImporter.Imported imported;
        try {
            imported = metrics.time(() -> studies.importStudy(files, source));
        } catch (Exception e) {
            // an I/O failure of the blob store or an unexpected bug: this study only
            deadLetter(null, ReasonCode.PROCESSING_ERROR, "study import failed: " + e.getClass().getSimpleName(),
                    "urn:radstream:study:unidentified");
            LOG.error("study import failed ({})", e.getClass().getName(), e);
            return false;
        }
        RecordResult<StudyReceived> r = imported.result();
        if (r instanceof RecordResult.Accepted<StudyReceived> a) {
            emit(Topics.STUDIES_RECEIVED, a.caseId(), a.event());
            LOG.info("study of case {} emitted ({} series, {} ROIs, via {})", a.caseId(), a.event().getSeries().size(),
                    a.event().getRois().size(), source);
            return true;
        }
        RecordResult.Rejected<StudyReceived> rej = (RecordResult.Rejected<StudyReceived>) r;
        deadLetter(rej.caseId(), rej.reason(), rej.message(), imported.sourceUri());
        return false;
    }

    /** Imports a clinical.csv; bad rows are dead-lettered with their line. */
    public Summary clinicalCsv(Path csv) throws IOException {
        return csv(csv, records::clinical, Topics.CLINICAL);
    }

    /** Imports an outcomes.csv. */
    public Summary outcomesCsv(Path csv) throws IOException {
        return csv(csv, records::outcome, Topics.OUTCOMES);
    }

    /** One clinical record from the REST endpoint. */
    public RecordResult<?> clinical(Map<String, String> fields, String sourceUri) {
        return single(fields, records::clinical, Topics.CLINICAL, sourceUri);
    }

    /** One outcome from the REST endpoint. */
    public RecordResult<?> outcome(Map<String, String> fields, String sourceUri) {
        return single(fields, records::outcome, Topics.OUTCOMES, sourceUri);
    }

    /**
     * Imports a folder laid out like the synthetic cohort: one sub-folder per study under {@code patients/} (or
     * under the folder itself when it has no {@code patients/}), each with its DICOM series in any sub-folders
     * and ROI files in {@code roi/}; then {@code clinical.csv} and {@code outcomes.csv} when present.
     */
    public Summary folder(Path root) throws IOException {
        return folder(root, "folder");
    }

    /** As {@link #folder(Path)}, naming how the studies arrived ({@code folder}, or {@code cli} for a command). */
    public Summary folder(Path root, String source) throws IOException {
        long dl0 = deadLettered.get();
        long studiesOut = 0;
        for (Path dir : studyDirs(root)) {
            if (study(studyFiles(dir), source)) {
                studiesOut++;
            }
        }
        Summary s = new Summary(studiesOut, 0, 0, 0);
        Path clinical = root.resolve("clinical.csv");
        if (Files.isRegularFile(clinical)) {
            s = s.plus(clinicalCsv(clinical));
        }
        Path outcomes = root.resolve("outcomes.csv");
        if (Files.isRegularFile(outcomes)) {
            s = s.plus(outcomesCsv(outcomes));
        }
        return new Summary(s.studies(), s.clinical(), s.outcomes(), deadLettered.get() - dl0);
    }

    /** The study folders of an import root, sorted. */
    public static List<Path> studyDirs(Path root) throws IOException {
        Path base = Files.isDirectory(root.resolve("patients")) ? root.resolve("patients") : root;
        try (Stream<Path> s = Files.list(base)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** DICOM files anywhere in the study folder except {@code roi/}; every file of {@code roi/} as an ROI. */
    public static StudyImporter.StudyFiles studyFiles(Path dir) throws IOException {
        Path roiDir = dir.resolve("roi");
        List<Path> dicom = new ArrayList<>();
        List<Path> rois = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (f.startsWith(roiDir)) {
                    rois.add(f);
                } else if (name.toLowerCase(Locale.ROOT).endsWith(".dcm") || hasDicmPrefix(f)) {
                    dicom.add(f);
                } else {
                    LOG.warn("ignoring a file that is not DICOM in a study folder (name not logged)");
                }
            }
        }
        return new StudyImporter.StudyFiles(dir, dicom, rois);
    }

    private static boolean hasDicmPrefix(Path f) throws IOException {
        try (var in = Files.newInputStream(f)) {
            byte[] b = in.readNBytes(132);
            return b.length == 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M';
        }
    }

    /** Dead-letters an input that cannot even be parsed into fields (a malformed request body). */
    public void reject(String caseId, ReasonCode reason, String message, String sourceUri) {
        metrics.recordsIn(1);
        deadLetter(caseId, reason, message, sourceUri);
    }

    public long emitted() {
        return emitted.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    private <T extends SpecificRecord> Summary csv(Path csv, Function<Map<String, String>, RecordResult<T>> convert,
            TopicSpec topic) throws IOException {
        long ok = 0;
        long bad = 0;
        List<CsvRecords.Row<T>> rows;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            rows = CsvRecords.read(r, convert);
        } catch (IOException | RuntimeException e) {
            // an unreadable file (bad encoding, malformed quoting): one dead letter for the file
            metrics.recordsIn(1);
            deadLetter(null, ReasonCode.INVALID_FIELD, csv.getFileName() + ": cannot be read as CSV: "
                    + e.getClass().getSimpleName(), csv.toUri().toString());
            return new Summary(0, 0, 0, 1);
        }
        for (CsvRecords.Row<T> row : rows) {
            metrics.recordsIn(1);
            if (row.result() instanceof RecordResult.Accepted<T> a) {
                emit(topic, a.caseId(), (SpecificRecord) a.event());
                ok++;
            } else {
                RecordResult.Rejected<T> rej = (RecordResult.Rejected<T>) row.result();
                deadLetter(rej.caseId(), rej.reason(), csv.getFileName() + " " + rej.message(),
                        csv.toUri() + "#line=" + row.line());
                bad++;
            }
        }
        LOG.info("{}: {} rows emitted to {}, {} dead-lettered", csv.getFileName(), ok, topic.name(), bad);
        boolean clinical = topic == Topics.CLINICAL;
        return new Summary(0, clinical ? ok : 0, clinical ? 0 : ok, bad);
    }

    private <T extends SpecificRecord> RecordResult<?> single(Map<String, String> fields,
            Function<Map<String, String>, RecordResult<T>> convert, TopicSpec topic, String sourceUri) {
        metrics.recordsIn(1);
        RecordResult<T> r = convert.apply(fields);
        if (r instanceof RecordResult.Accepted<T> a) {
            emit(topic, a.caseId(), (SpecificRecord) a.event());
        } else {
            RecordResult.Rejected<T> rej = (RecordResult.Rejected<T>) r;
            deadLetter(rej.caseId(), rej.reason(), rej.message(), sourceUri);
        }
        return r;
    }

    private void emit(TopicSpec topic, String caseId, SpecificRecord event) {
        sink.emit(topic, caseId, event);
        emitted.incrementAndGet();
        metrics.recordsOut(1);
    }

    private void deadLetter(String caseId, ReasonCode reason, String message, String sourceUri) {
        sink.deadLetter(caseId, reason, message, sourceUri);
        deadLettered.incrementAndGet();
    }
}
