package org.radstream.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

/**
 * The identifying and routing attributes of one DICOM Part-10 file that the imaging library's series
 * description does not carry: who the patient is (to pseudonymise, and to redact from messages), which study,
 * and for a segmentation (SEG) who drew it and on which series. Read up to Pixel Data with PixelMed.
 *
 * @param patientId            PatientID (0010,0020), empty when absent
 * @param patientName          PatientName (0010,0010), empty when absent (only for redaction)
 * @param studyInstanceUid     (0020,000D)
 * @param seriesInstanceUid    (0020,000E)
 * @param sopInstanceUid       (0008,0018)
 * @param modality             (0008,0060)
 * @param date                 AcquisitionDate, else SeriesDate, else StudyDate; null when none parses
 * @param seriesDescription    (0008,103E)
 * @param contentCreatorName   (0070,0084), for SEG: the reader
 * @param referencedSeriesUids SeriesInstanceUIDs in ReferencedSeriesSequence (0008,1115): a SEG's source series
 */
record DicomHeader(Path file, String patientId, String patientName, String studyInstanceUid, String seriesInstanceUid,
        String sopInstanceUid, String modality, LocalDate date, String seriesDescription, String contentCreatorName,
        List<String> referencedSeriesUids) {

    private static final AttributeTag CONTENT_CREATOR_NAME = new AttributeTag(0x0070, 0x0084);

    DicomHeader {
        referencedSeriesUids = List.copyOf(referencedSeriesUids);
    }

    /** @throws IOException when the file is not a readable DICOM Part-10 file (the message names no patient) */
    static DicomHeader read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(132);
            if (b.length < 132 || !new String(b, 128, 4, StandardCharsets.US_ASCII).equals("DICM")) {
                throw new IOException("not a DICOM Part-10 file (no \"DICM\" after the 128-byte preamble)");
            }
        }
        AttributeList l = new AttributeList();
        try {
            l.read(file.toFile(), TagFromName.PixelData);
        } catch (Exception e) {
            throw new IOException("cannot parse the DICOM header: " + e.getClass().getSimpleName(), e);
        }
        String sop = s(l, TagFromName.SOPInstanceUID);
        String series = s(l, TagFromName.SeriesInstanceUID);
        if (sop.isEmpty() || series.isEmpty()) {
            throw new IOException("SOPInstanceUID or SeriesInstanceUID absent: truncated or not an instance");
        }
        LocalDate date = date(s(l, TagFromName.AcquisitionDate));
        if (date == null) {
            date = date(s(l, TagFromName.SeriesDate));
        }
        if (date == null) {
            date = date(s(l, TagFromName.StudyDate));
        }
        List<String> refs = new ArrayList<>();
        Attribute ref = l.get(TagFromName.ReferencedSeriesSequence);
        if (ref instanceof SequenceAttribute seq) {
            for (int i = 0; i < seq.getNumberOfItems(); i++) {
                String uid = s(seq.getItem(i).getAttributeList(), TagFromName.SeriesInstanceUID);
                if (!uid.isEmpty()) {
                    refs.add(uid);
                }
            }
        }
        return new DicomHeader(file, s(l, TagFromName.PatientID), s(l, TagFromName.PatientName),
                s(l, TagFromName.StudyInstanceUID), series, sop, s(l, TagFromName.Modality), date,
                s(l, TagFromName.SeriesDescription), s(l, CONTENT_CREATOR_NAME), refs);
    }

    private static String s(AttributeList l, AttributeTag t) {
        return Attribute.getSingleStringValueOrEmptyString(l, t).trim();
    }

    private static LocalDate date(String da) {
        if (da.length() < 8) {
            return null;
        }
        try {
            return LocalDate.parse(da.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
