package org.radstream.imaging.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.Volume;

/**
 * Writes a {@link Volume} as a single-frame MR Image Storage series (one Part-10 file per slice,
 * explicit VR little endian) with PixelMed. Modules written (PS3.3 A.4.3): Patient, General Study,
 * Patient Study, General Series, Frame of Reference, General Equipment, General Acquisition, General
 * Image, Image Plane, Image Pixel, Contrast/Bolus (enhanced series only), MR Image, SOP Common.
 * Voxels are rounded and clamped to 12-bit unsigned (0…4095), no rescale.
 */
public final class MrSeriesWriter {

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);

    private MrSeriesWriter() {
    }

    /** Writes {@code IM0001.dcm …} into {@code dir} (created) and returns the files in slice order. */
    public static List<Path> write(Path dir, MrSeriesInfo info, Volume volume) throws IOException {
        Files.createDirectories(dir);
        Geometry g = volume.geometry();
        double[] d = g.direction();
        double[] iop = {d[0], d[3], d[6], d[1], d[4], d[7]};
        float[] v = volume.voxels();
        int plane = g.nx() * g.ny();
        List<Path> files = new ArrayList<>(g.nz());
        for (int k = 0; k < g.nz(); k++) {
            int instance = k + 1;
            AttributeListBuilder b = header(info, instance);
            double[] ipp = g.indexToPhysical(0, 0, k);
            b.putDecimal(TagFromName.ImagePositionPatient, ipp)
                    .putDecimal(TagFromName.ImageOrientationPatient, iop)
                    .putDecimal(TagFromName.PixelSpacing, g.spacing(1), g.spacing(0))
                    .putDecimal(TagFromName.SliceThickness, g.spacing(2))
                    .putDecimal(TagFromName.SpacingBetweenSlices, g.spacing(2))
                    .putDecimal(TagFromName.SliceLocation, ipp[0] * d[2] + ipp[1] * d[5] + ipp[2] * d[8])
                    .put(TagFromName.Rows, g.ny())
                    .put(TagFromName.Columns, g.nx());
            short[] px = new short[plane];
            int lo = 4095;
            int hi = 0;
            for (int i = 0; i < plane; i++) {
                int s = Math.max(0, Math.min(4095, Math.round(v[k * plane + i])));
                px[i] = (short) s;
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
            }
            b.put(TagFromName.SmallestImagePixelValue, lo).put(TagFromName.LargestImagePixelValue, hi);
            double center = (lo + hi) / 2.0;
            b.putDecimal(TagFromName.WindowCenter, Math.rint(center)).putDecimal(TagFromName.WindowWidth, Math.max(1, hi - lo));
            try {
                OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
                pixels.setValues(px);
                AttributeList list = b.put(pixels).build();
                FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "RADSTREAM");
                Path f = dir.resolve(String.format(Locale.ROOT, "IM%04d.dcm", instance));
                list.write(f.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
                files.add(f);
            } catch (DicomException e) {
                throw new IOException("cannot write MR slice " + instance + " of series " + info.seriesInstanceUid(), e);
            }
        }
        return files;
    }

    private static AttributeListBuilder header(MrSeriesInfo info, int instance) {
        String date = DA.format(info.studyDate());
        String time = TM.format(info.acquisitionTime());
        AttributeListBuilder b = new AttributeListBuilder()
                .put(TagFromName.SpecificCharacterSet, "ISO_IR 100")
                .put(TagFromName.ImageType, "ORIGINAL", "PRIMARY", "OTHER")
                .put(TagFromName.SOPClassUID, SOPClass.MRImageStorage)
                .put(TagFromName.SOPInstanceUID, info.seriesInstanceUid() + "." + instance)
                .put(TagFromName.StudyDate, date)
                .put(TagFromName.SeriesDate, date)
                .put(TagFromName.AcquisitionDate, date)
                .put(TagFromName.ContentDate, date)
                .put(TagFromName.StudyTime, TM.format(info.acquisitionTime().minusMinutes(10)))
                .put(TagFromName.SeriesTime, time)
                .put(TagFromName.AcquisitionTime, time)
                .put(TagFromName.ContentTime, time)
                .empty(TagFromName.AccessionNumber)
                .put(TagFromName.Modality, "MR")
                .put(TagFromName.Manufacturer, info.manufacturer())
                .empty(TagFromName.ReferringPhysicianName)
                .put(TagFromName.StudyDescription, "MR LIVER")
                .put(TagFromName.SeriesDescription, info.seriesDescription())
                .put(TagFromName.ManufacturerModelName, info.modelName())
                .put(TagFromName.PatientName, info.patientId() + "^PSEUDONYM")
                .put(TagFromName.PatientID, info.patientId())
                .empty(TagFromName.PatientBirthDate)
                .put(TagFromName.PatientSex, info.patientSex())
                .put(TagFromName.PatientAge, String.format(Locale.ROOT, "%03dY", info.patientAgeYears()))
                .put(TagFromName.BodyPartExamined, "LIVER")
                .put(Tags.SCANNING_SEQUENCE, info.scanningSequence().split("\\\\"))
                .put(Tags.SEQUENCE_VARIANT, info.sequenceVariant().split("\\\\"))
                .empty(Tags.SCAN_OPTIONS)
                .put(TagFromName.MRAcquisitionType, "2D")
                .putDecimal(TagFromName.RepetitionTime, info.repetitionTimeMs())
                .putDecimal(TagFromName.EchoTime, info.echoTimeMs())
                .put(TagFromName.EchoTrainLength, 1)
                .putDecimal(Tags.MAGNETIC_FIELD_STRENGTH, info.fieldStrengthTesla())
                .put(TagFromName.ImagedNucleus, "1H")
                .putDecimal(Tags.FLIP_ANGLE, info.flipAngleDeg())
                .put(TagFromName.ProtocolName, info.protocolName())
                .put(TagFromName.PatientPosition, "FFS")
                .put(TagFromName.StudyInstanceUID, info.studyInstanceUid())
                .put(TagFromName.SeriesInstanceUID, info.seriesInstanceUid())
                .put(TagFromName.StudyID, info.studyId())
                .put(TagFromName.SeriesNumber, info.seriesNumber())
                .put(TagFromName.AcquisitionNumber, 1)
                .put(TagFromName.InstanceNumber, instance)
                .put(TagFromName.FrameOfReferenceUID, info.frameOfReferenceUid())
                .empty(TagFromName.PositionReferenceIndicator)
                .put(TagFromName.SamplesPerPixel, 1)
                .put(TagFromName.PhotometricInterpretation, "MONOCHROME2")
                .put(TagFromName.BitsAllocated, 16)
                .put(TagFromName.BitsStored, 12)
                .put(TagFromName.HighBit, 11)
                .put(TagFromName.PixelRepresentation, 0)
                .put(TagFromName.BurnedInAnnotation, "NO")
                .put(TagFromName.LossyImageCompression, "00");
        boolean ge = info.manufacturer().startsWith("GE");
        // acquisition details a real scanner writes (type 3), derived from field strength and vendor
        b.put(TagFromName.InstitutionName, "RADSTREAM SYNTHETIC")
                .put(TagFromName.StationName, ge ? "GEMR15" : "MRC35001")
                .put(TagFromName.SoftwareVersions, ge ? "15\\LX\\MR Software release:15.0_M4_0910.a".split("\\\\") : new String[] {"syngo MR E11"})
                .putDecimal(Tags.IMAGING_FREQUENCY, Math.round(42.577478 * info.fieldStrengthTesla() * 1e4) / 1e4)
                .putDecimal(Tags.NUMBER_OF_AVERAGES, 1)
                .putDecimal(Tags.PERCENT_SAMPLING, 100)
                .putDecimal(Tags.PERCENT_PHASE_FIELD_OF_VIEW, 70)
                .putDecimal(Tags.PIXEL_BANDWIDTH, ge ? 244.141 : 390)
                .put(Tags.RECEIVE_COIL_NAME, ge ? "TORSOPA" : "Body_18")
                .put(Tags.IN_PLANE_PHASE_ENCODING_DIRECTION, "COL");
        if (!info.contrastBolusAgent().isEmpty()) {
            b.put(TagFromName.ContrastBolusAgent, info.contrastBolusAgent())
                    .put(TagFromName.ContrastBolusRoute, "IV")
                    .putDecimal(TagFromName.ContrastBolusVolume, 10);
        }
        return b;
    }
}
