package org.radstream.imaging.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;

/**
 * Writes a binary one-segment DICOM Segmentation (PS3.3 A.51) of an MR series: one frame per series
 * slice that holds ROI voxels, on the series grid, each frame referencing its source image
 * (Derivation Image macro) and positioned by Plane Position; dimensions are (ReferencedSegmentNumber,
 * ImagePositionPatient). The segment is coded as SCT 49755003 "Morphologically abnormal structure" /
 * SCT 4147007 "Mass" in the liver, algorithm type MANUAL, labelled after the reader.
 */
public final class SegWriter {

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);

    private SegWriter() {
    }

    /**
     * @param file            output file
     * @param source          the segmented series' attributes (patient, study, frame of reference)
     * @param sourceSopUids   SOP Instance UID of each series slice k
     * @param mask            0/1 mask on the series grid
     * @param segSeriesUid    SeriesInstanceUID of the SEG
     * @param segSeriesNumber SeriesNumber of the SEG
     * @param reader          reader label, e.g. "READER_A" (ContentCreatorName, SegmentLabel)
     */
    public static void write(Path file, MrSeriesInfo source, List<String> sourceSopUids, LabelMap mask,
            String segSeriesUid, int segSeriesNumber, String reader) throws IOException {
        Geometry g = mask.geometry();
        if (sourceSopUids.size() != g.nz()) {
            throw new IllegalArgumentException("need one source SOP Instance UID per slice: " + sourceSopUids.size() + " vs " + g.nz());
        }
        int plane = g.nx() * g.ny();
        List<Integer> slices = new ArrayList<>();
        for (int k = 0; k < g.nz(); k++) {
            for (int i = k * plane; i < (k + 1) * plane; i++) {
                if (mask.labels()[i] != 0) {
                    slices.add(k);
                    break;
                }
            }
        }
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("empty mask: a SEG needs at least one segmented frame");
        }
        String date = DA.format(source.studyDate());
        String time = TM.format(source.acquisitionTime().plusMinutes(30));
        String dimOrg = segSeriesUid + ".1";
        double[] d = g.direction();
        AttributeListBuilder b = new AttributeListBuilder()
                .put(TagFromName.SpecificCharacterSet, "ISO_IR 100")
                .put(TagFromName.ImageType, "DERIVED", "PRIMARY")
                .put(TagFromName.SOPClassUID, SOPClass.SegmentationStorage)
                .put(TagFromName.SOPInstanceUID, segSeriesUid + ".2")
                .put(TagFromName.StudyDate, date)
                .put(TagFromName.SeriesDate, date)
                .put(TagFromName.ContentDate, date)
                .put(TagFromName.StudyTime, TM.format(source.acquisitionTime().minusMinutes(10)))
                .put(TagFromName.SeriesTime, time)
                .put(TagFromName.ContentTime, time)
                .empty(TagFromName.AccessionNumber)
                .put(TagFromName.Modality, "SEG")
                .put(TagFromName.Manufacturer, "radstream")
                .empty(TagFromName.ReferringPhysicianName)
                .put(TagFromName.SeriesDescription, "ROI " + reader)
                .put(TagFromName.ManufacturerModelName, "radstream cohort generator")
                .put(TagFromName.PatientName, source.patientId() + "^PSEUDONYM")
                .put(TagFromName.PatientID, source.patientId())
                .empty(TagFromName.PatientBirthDate)
                .put(TagFromName.PatientSex, source.patientSex())
                .put(TagFromName.DeviceSerialNumber, "0001")
                .put(TagFromName.SoftwareVersions, "0.1.0")
                .put(TagFromName.StudyInstanceUID, source.studyInstanceUid())
                .put(TagFromName.SeriesInstanceUID, segSeriesUid)
                .put(TagFromName.StudyID, source.studyId())
                .put(TagFromName.SeriesNumber, segSeriesNumber)
                .put(TagFromName.InstanceNumber, 1)
                .put(TagFromName.FrameOfReferenceUID, source.frameOfReferenceUid())
                .empty(TagFromName.PositionReferenceIndicator)
                .put(TagFromName.SamplesPerPixel, 1)
                .put(TagFromName.PhotometricInterpretation, "MONOCHROME2")
                .put(TagFromName.NumberOfFrames, slices.size())
                .put(TagFromName.Rows, g.ny())
                .put(TagFromName.Columns, g.nx())
                .put(TagFromName.BitsAllocated, 1)
                .put(TagFromName.BitsStored, 1)
                .put(TagFromName.HighBit, 0)
                .put(TagFromName.PixelRepresentation, 0)
                .put(TagFromName.LossyImageCompression, "00")
                .put(TagFromName.ContentLabel, "TUMOUR_ROI")
                .put(TagFromName.ContentDescription, "tumour ROI on the maximum cross-section")
                .put(TagFromName.ContentCreatorName, reader + "^READER")
                .put(TagFromName.SegmentationType, "BINARY")
                .sequence(TagFromName.ReferencedSeriesSequence, referencedSeries(source, sourceSopUids, slices))
                .sequence(TagFromName.DimensionOrganizationSequence,
                        AttributeListBuilder.item().put(TagFromName.DimensionOrganizationUID, dimOrg).build())
                .put(TagFromName.DimensionOrganizationType, "3D")
                .sequence(TagFromName.DimensionIndexSequence,
                        dimension(dimOrg, TagFromName.ReferencedSegmentNumber, TagFromName.SegmentIdentificationSequence, "Segment"),
                        dimension(dimOrg, TagFromName.ImagePositionPatient, TagFromName.PlanePositionSequence, "Position"))
                .sequence(TagFromName.SegmentSequence, AttributeListBuilder.item()
                        .put(TagFromName.SegmentNumber, 1)
                        .put(TagFromName.SegmentLabel, "Tumour " + reader)
                        .put(TagFromName.SegmentAlgorithmType, "MANUAL")
                        .sequence(TagFromName.SegmentedPropertyCategoryCodeSequence,
                                code("49755003", "SCT", "Morphologically abnormal structure"))
                        .sequence(TagFromName.SegmentedPropertyTypeCodeSequence, code("4147007", "SCT", "Mass"))
                        .sequence(TagFromName.AnatomicRegionSequence, code("10200004", "SCT", "Liver"))
                        .put(TagFromName.RecommendedDisplayCIELabValue, 43000, 50000, 50000)
                        .build())
                .sequence(TagFromName.SharedFunctionalGroupsSequence, AttributeListBuilder.item()
                        .sequence(TagFromName.PixelMeasuresSequence, AttributeListBuilder.item()
                                .putDecimal(TagFromName.PixelSpacing, g.spacing(1), g.spacing(0))
                                .putDecimal(TagFromName.SliceThickness, g.spacing(2))
                                .putDecimal(TagFromName.SpacingBetweenSlices, g.spacing(2)).build())
                        .sequence(TagFromName.PlaneOrientationSequence, AttributeListBuilder.item()
                                .putDecimal(TagFromName.ImageOrientationPatient, d[0], d[3], d[6], d[1], d[4], d[7]).build())
                        .build());
        AttributeList[] perFrame = new AttributeList[slices.size()];
        for (int f = 0; f < slices.size(); f++) {
            int k = slices.get(f);
            perFrame[f] = AttributeListBuilder.item()
                    .sequence(TagFromName.DerivationImageSequence, AttributeListBuilder.item()
                            .sequence(TagFromName.SourceImageSequence, AttributeListBuilder.item()
                                    .put(TagFromName.ReferencedSOPClassUID, SOPClass.MRImageStorage)
                                    .put(TagFromName.ReferencedSOPInstanceUID, sourceSopUids.get(k))
                                    .sequence(TagFromName.PurposeOfReferenceCodeSequence,
                                            code("121322", "DCM", "Source image for image processing operation"))
                                    .build())
                            .sequence(TagFromName.DerivationCodeSequence, code("113076", "DCM", "Segmentation"))
                            .build())
                    .sequence(TagFromName.FrameContentSequence, AttributeListBuilder.item()
                            .put(TagFromName.DimensionIndexValues, 1, f + 1).build())
                    .sequence(TagFromName.PlanePositionSequence, AttributeListBuilder.item()
                            .putDecimal(TagFromName.ImagePositionPatient, g.indexToPhysical(0, 0, k)).build())
                    .sequence(TagFromName.SegmentIdentificationSequence, AttributeListBuilder.item()
                            .put(TagFromName.ReferencedSegmentNumber, 1).build())
                    .build();
        }
        b.sequence(TagFromName.PerFrameFunctionalGroupsSequence, perFrame);

        // 1 bit per pixel, frames concatenated without padding, first pixel in the least significant bit
        long bits = (long) plane * slices.size();
        byte[] packed = new byte[(int) ((bits + 15) / 16 * 2)];
        long bit = 0;
        for (int k : slices) {
            for (int i = k * plane; i < (k + 1) * plane; i++, bit++) {
                if (mask.labels()[i] != 0) {
                    packed[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        try {
            OtherByteAttribute px = new OtherByteAttribute(TagFromName.PixelData);
            px.setValues(packed);
            AttributeList list = b.put(px).build();
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "RADSTREAM");
            Files.createDirectories(file.toAbsolutePath().getParent());
            list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        } catch (DicomException e) {
            throw new IOException("cannot write SEG " + file, e);
        }
    }

    private static AttributeList referencedSeries(MrSeriesInfo source, List<String> sopUids, List<Integer> slices) {
        List<AttributeList> instances = new ArrayList<>();
        for (int k : slices) {
            instances.add(AttributeListBuilder.item()
                    .put(TagFromName.ReferencedSOPClassUID, SOPClass.MRImageStorage)
                    .put(TagFromName.ReferencedSOPInstanceUID, sopUids.get(k)).build());
        }
        return AttributeListBuilder.item()
                .put(TagFromName.SeriesInstanceUID, source.seriesInstanceUid())
                .sequence(TagFromName.ReferencedInstanceSequence, instances.toArray(AttributeList[]::new))
                .build();
    }

    private static AttributeList dimension(String org, AttributeTag pointer, AttributeTag group, String label) {
        try {
            AttributeTagAttribute p = new AttributeTagAttribute(TagFromName.DimensionIndexPointer);
            p.addValue(pointer);
            AttributeTagAttribute f = new AttributeTagAttribute(TagFromName.FunctionalGroupPointer);
            f.addValue(group);
            return AttributeListBuilder.item()
                    .put(TagFromName.DimensionOrganizationUID, org)
                    .put(p)
                    .put(f)
                    .put(TagFromName.DimensionDescriptionLabel, label)
                    .build();
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    static AttributeList code(String value, String scheme, String meaning) {
        return AttributeListBuilder.item()
                .put(TagFromName.CodeValue, value)
                .put(TagFromName.CodingSchemeDesignator, scheme)
                .put(TagFromName.CodeMeaning, meaning)
                .build();
    }
}
