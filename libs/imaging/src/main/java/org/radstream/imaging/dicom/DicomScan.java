package org.radstream.imaging.dicom;

import java.nio.file.Path;
import java.util.List;

/**
 * Result of scanning files or directories for DICOM.
 *
 * @param series  series found, ordered by StudyInstanceUID, SeriesNumber, SeriesInstanceUID
 * @param ignored files met while walking a directory that are not DICOM Part-10 files (no "DICM"
 *                prefix and no .dcm extension), listed so nothing disappears silently
 */
public record DicomScan(List<DicomSeries> series, List<Path> ignored) {
    public DicomScan {
        series = List.copyOf(series);
        ignored = List.copyOf(ignored);
    }

    /** The series with this SeriesInstanceUID. */
    public java.util.Optional<DicomSeries> find(String seriesInstanceUid) {
        return series.stream().filter(s -> s.seriesInstanceUid().equals(seriesInstanceUid)).findFirst();
    }
}
