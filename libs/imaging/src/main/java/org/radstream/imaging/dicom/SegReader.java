package org.radstream.imaging.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;

import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;

/**
 * Reads DICOM Segmentation objects (binary: 1 bit per pixel, packed across frames; fractional: 8 bits,
 * PROBABILITY or OCCUPANCY) with any number of segments, resolving per-frame and shared functional
 * groups (Plane Position, Plane Orientation, Pixel Measures, Segment Identification).
 */
public final class SegReader {

    private SegReader() {
    }

    public static DicomSegmentation read(Path file) throws IOException {
        AttributeList l = DicomSeriesReader.readAttributes(file, true);
        String sopClass = Attrs.string(l, TagFromName.SOPClassUID);
        if (!SOPClass.SegmentationStorage.equals(sopClass)) {
            throw new ImageInputException(file, "SOPClassUID", Reason.UNSUPPORTED,
                    "not a Segmentation (" + sopClass + "), modality " + Attrs.string(l, TagFromName.Modality));
        }
        String type = Attrs.string(l, TagFromName.SegmentationType);
        boolean fractional = "FRACTIONAL".equals(type);
        if (!fractional && !"BINARY".equals(type)) {
            throw new ImageInputException(file, "SegmentationType", Reason.UNSUPPORTED, "\"" + type + "\" (BINARY or FRACTIONAL)");
        }
        int rows = Attrs.integer(l, TagFromName.Rows, 0);
        int cols = Attrs.integer(l, TagFromName.Columns, 0);
        int nFrames = Math.max(1, Attrs.integer(l, TagFromName.NumberOfFrames, 1));
        int bits = Attrs.integer(l, TagFromName.BitsAllocated, fractional ? 8 : 1);
        if ((fractional && bits != 8) || (!fractional && bits != 1)) {
            throw new ImageInputException(file, "BitsAllocated", Reason.UNSUPPORTED, bits + " bits for a " + type + " segmentation");
        }
        int maxFractional = fractional ? Attrs.integer(l, TagFromName.MaximumFractionalValue, 255) : 1;

        List<DicomSegmentation.Segment> segments = new ArrayList<>();
        for (int i = 0; i < Attrs.items(l, TagFromName.SegmentSequence); i++) {
            AttributeList s = Attrs.item(l, TagFromName.SegmentSequence, i);
            segments.add(new DicomSegmentation.Segment(Attrs.integer(s, TagFromName.SegmentNumber, 0),
                    Attrs.string(s, TagFromName.SegmentLabel)));
        }
        if (segments.isEmpty()) {
            throw new ImageInputException(file, "SegmentSequence", Reason.MISSING_FIELD, "no segment defined");
        }
        List<String> refSeries = new ArrayList<>();
        for (int i = 0; i < Attrs.items(l, TagFromName.ReferencedSeriesSequence); i++) {
            refSeries.add(Attrs.string(Attrs.item(l, TagFromName.ReferencedSeriesSequence, i), TagFromName.SeriesInstanceUID));
        }

        Attribute px = l.get(TagFromName.PixelData);
        byte[] data;
        try {
            data = px == null ? null : px.getByteValues();
        } catch (DicomException e) {
            throw new ImageInputException(file, "PixelData", Reason.UNSUPPORTED, e.getMessage(), e);
        }
        long plane = (long) rows * cols;
        long needed = fractional ? plane * nFrames : (plane * nFrames + 7) / 8;
        if (data == null || data.length < needed) {
            throw new ImageInputException(file, "PixelData", Reason.TRUNCATED,
                    "holds " + (data == null ? 0 : data.length) + " bytes, " + nFrames + " frames of " + cols + "x" + rows + " need " + needed);
        }
        AttributeList shared = Attrs.item(l, TagFromName.SharedFunctionalGroupsSequence);
        List<DicomSegmentation.Frame> frames = new ArrayList<>(nFrames);
        for (int f = 0; f < nFrames; f++) {
            AttributeList pf = Attrs.item(l, TagFromName.PerFrameFunctionalGroupsSequence, f);
            double[] pos = Attrs.doubles(group(pf, shared, TagFromName.PlanePositionSequence), TagFromName.ImagePositionPatient);
            double[] ori = Attrs.doubles(group(pf, shared, TagFromName.PlaneOrientationSequence), TagFromName.ImageOrientationPatient);
            double[] ps = Attrs.doubles(group(pf, shared, TagFromName.PixelMeasuresSequence), TagFromName.PixelSpacing);
            AttributeList segId = group(pf, shared, TagFromName.SegmentIdentificationSequence);
            if (pos == null || pos.length != 3 || ori == null || ori.length != 6 || ps == null || ps.length != 2) {
                throw new ImageInputException(file, "PlanePosition/PlaneOrientation/PixelMeasures", Reason.INCONSISTENT_GEOMETRY,
                        "frame " + (f + 1) + " lacks its position, orientation or pixel spacing");
            }
            if (segId == null) {
                throw new ImageInputException(file, "SegmentIdentificationSequence", Reason.MISSING_FIELD, "absent for frame " + (f + 1));
            }
            int[] values = new int[(int) plane];
            for (int i = 0; i < plane; i++) {
                long idx = f * plane + i;
                values[i] = fractional ? data[(int) idx] & 0xFF : (data[(int) (idx >>> 3)] >> (idx & 7)) & 1;
            }
            frames.add(new DicomSegmentation.Frame(Attrs.integer(segId, TagFromName.ReferencedSegmentNumber, 0), pos, ori, ps,
                    rows, cols, values));
        }
        return new DicomSegmentation(file, Attrs.string(l, TagFromName.SOPInstanceUID), Attrs.string(l, TagFromName.SeriesInstanceUID),
                Attrs.string(l, TagFromName.FrameOfReferenceUID), refSeries, fractional, maxFractional, segments, frames);
    }

    private static AttributeList group(AttributeList perFrame, AttributeList shared, com.pixelmed.dicom.AttributeTag seq) {
        AttributeList a = Attrs.item(perFrame, seq);
        return a != null ? a : Attrs.item(shared, seq);
    }
}
