package org.radstream.preprocessing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.radstream.events.Reader;
import org.radstream.events.RoiFormat;
import org.radstream.events.RoiRef;
import org.radstream.events.Sequence;
import org.radstream.events.SeriesRef;
import org.radstream.events.StudyReceived;
import org.radstream.imaging.synth.CohortGenerator;
import org.radstream.imaging.synth.CohortSettings;

/** A small synthetic cohort (imaging library's generator) and StudyReceived events pointing at its files. */
final class CohortStudies {

    private CohortStudies() {
    }

    /** {@code patients} patients, reader B for one, 10 slices, one thread. */
    static void generate(Path dir, int patients) throws IOException {
        CohortGenerator.generate(CohortSettings.defaults().with(patients, 1, 7).withReaderBCases(1).withSlices(10)
                .withThreads(1), dir);
    }

    static List<Path> patients(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("patients"))) {
            return s.sorted().toList();
        }
    }

    /** The study of one patient folder, every sequence and every SEG ROI; caseId = folder name. */
    static StudyReceived study(Path patient) throws IOException {
        String caseId = patient.getFileName().toString();
        List<SeriesRef> series = new ArrayList<>();
        for (Sequence s : Sequence.values()) {
            series.add(series(patient.resolve(s.name()), s, caseId));
        }
        List<RoiRef> rois = new ArrayList<>();
        for (Sequence s : Sequence.values()) {
            for (Reader r : Reader.values()) {
                Path f = patient.resolve("roi").resolve(s.name() + "_reader_" + r.name().toLowerCase(Locale.ROOT) + ".seg.dcm");
                if (Files.exists(f)) {
                    rois.add(roi(r, s, RoiFormat.DICOM_SEG, f));
                }
            }
        }
        return StudyReceived.newBuilder().setCaseId(caseId).setStudyRef("study-" + caseId).setSource("folder")
                .setReceivedAt(Instant.ofEpochMilli(0)).setSeries(series).setRois(rois).build();
    }

    static SeriesRef series(Path folder, Sequence s, String caseId) {
        return SeriesRef.newBuilder().setSequence(s).setSeriesUri(folder.toUri().toString())
                .setSeriesRef("series-" + caseId + "-" + s).setInstances(10).setRows(1).setColumns(1)
                .setPixelSpacingMm(List.of(1.0, 1.0)).build();
    }

    static RoiRef roi(Reader r, Sequence drawnOn, RoiFormat format, Path file) {
        return RoiRef.newBuilder().setReader(r).setDrawnOn(drawnOn).setFormat(format).setUri(file.toUri().toString())
                .setLabel(1).build();
    }
}
