package org.radstream.imaging.dicom;

import java.time.LocalTime;
import java.util.List;

/**
 * Immutable description of one DICOM series (all instances sharing a SeriesInstanceUID), read once
 * from the attribute lists. Implements what the pipeline needs of PS3.3 C.7.2.1 General Study,
 * C.7.3.1 General Series, C.7.4.1 Frame of Reference, C.7.6.2 Image Plane, C.7.6.3 Image Pixel,
 * C.8.3.1 MR Image and C.7.6.16 Multi-frame Functional Groups. No PixelMed type leaks out.
 *
 * @param studyInstanceUid    (0020,000D)
 * @param seriesInstanceUid   (0020,000E)
 * @param frameOfReferenceUid (0020,0052), empty when absent
 * @param modality            (0008,0060)
 * @param sopClassUid         (0008,0016) of the first instance
 * @param seriesNumber        (0020,0011), 0 when absent
 * @param seriesDescription   (0008,103E), empty when absent
 * @param protocolName        (0018,1030), empty when absent
 * @param contrastBolusAgent  (0018,0010), empty when absent
 * @param manufacturer        (0008,0070), empty when absent
 * @param magneticFieldStrength (0018,0087) tesla, NaN when absent
 * @param acquisitionTime     earliest frame acquisition time, or null when no frame has one
 * @param transferSyntaxUid   of the first instance
 * @param frames              image planes in file order (sorted into a volume by {@link DicomSeriesReader})
 */
public record DicomSeries(String studyInstanceUid, String seriesInstanceUid, String frameOfReferenceUid, String modality,
        String sopClassUid, int seriesNumber, String seriesDescription, String protocolName, String contrastBolusAgent,
        String manufacturer, double magneticFieldStrength, LocalTime acquisitionTime, String transferSyntaxUid,
        List<DicomFrame> frames) {

    public DicomSeries {
        frames = List.copyOf(frames);
    }

    /**
     * The volume grid the planes define (sorted along the slice normal), as {@link DicomSeriesReader#read}
     * builds it; throws when the geometry is missing or inconsistent.
     */
    public org.radstream.imaging.Geometry geometry() throws org.radstream.imaging.ImageInputException {
        return DicomSeriesReader.geometry(this);
    }

    /** Number of distinct files (instances) in the series. */
    public long instanceCount() {
        return frames.stream().map(DicomFrame::file).distinct().count();
    }
}
