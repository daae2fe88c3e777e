package org.radstream.imaging.dicom;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * What {@link MrSeriesWriter} writes besides the voxels: patient (pseudonymous), study, series,
 * equipment and acquisition attributes of a single-frame MR Image Storage series (PS3.3 A.4).
 *
 * @param patientId            pseudonymous PatientID (0010,0020); PatientName is "<id>^PSEUDONYM"
 * @param patientSex           M, F or O
 * @param patientAgeYears      PatientAge (0010,1010) in years
 * @param studyInstanceUid     shared by the five series of a study
 * @param studyDate            StudyDate / SeriesDate / AcquisitionDate
 * @param studyId              StudyID (0020,0010)
 * @param frameOfReferenceUid  one per study: all series share patient coordinates
 * @param seriesInstanceUid    the series
 * @param seriesNumber         SeriesNumber (0020,0011)
 * @param seriesDescription    e.g. "Ax T2 FRFSE"
 * @param protocolName         ProtocolName (0018,1030)
 * @param contrastBolusAgent   empty for unenhanced series (then no Contrast/Bolus module is written)
 * @param acquisitionTime      AcquisitionTime (0008,0032); also SeriesTime
 * @param manufacturer         e.g. "GE MEDICAL SYSTEMS", "SIEMENS"
 * @param modelName            ManufacturerModelName (0008,1090)
 * @param fieldStrengthTesla   MagneticFieldStrength (0018,0087)
 * @param scanningSequence     ScanningSequence (0018,0020), e.g. "SE", "GR"; several values separated by a backslash
 * @param sequenceVariant      SequenceVariant (0018,0021), e.g. "SK", "SP"
 * @param repetitionTimeMs     RepetitionTime (0018,0080)
 * @param echoTimeMs           EchoTime (0018,0081)
 * @param flipAngleDeg         FlipAngle (0018,1314)
 */
public record MrSeriesInfo(String patientId, String patientSex, int patientAgeYears, String studyInstanceUid,
        LocalDate studyDate, String studyId, String frameOfReferenceUid, String seriesInstanceUid, int seriesNumber,
        String seriesDescription, String protocolName, String contrastBolusAgent, LocalTime acquisitionTime,
        String manufacturer, String modelName, double fieldStrengthTesla, String scanningSequence,
        String sequenceVariant, double repetitionTimeMs, double echoTimeMs, double flipAngleDeg) {

    public MrSeriesInfo {
        Objects.requireNonNull(patientId);
        Objects.requireNonNull(studyInstanceUid);
        Objects.requireNonNull(frameOfReferenceUid);
        Objects.requireNonNull(seriesInstanceUid);
        Objects.requireNonNull(studyDate);
        Objects.requireNonNull(acquisitionTime);
        contrastBolusAgent = contrastBolusAgent == null ? "" : contrastBolusAgent;
    }
}
