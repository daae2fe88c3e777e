package org.radstream.imaging.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;

import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;

/**
 * Reads an RT Structure Set (PS3.3 C.8.8.5 Structure Set, C.8.8.6 ROI Contour): StructureSetROISequence
 * gives each ROI's number, name and frame of reference; ROIContourSequence its contours.
 */
public final class RtStructReader {

    private RtStructReader() {
    }

    public static RtStructureSet read(Path file) throws IOException {
        AttributeList l = DicomSeriesReader.readAttributes(file, true);
        String sopClass = Attrs.string(l, TagFromName.SOPClassUID);
        if (!SOPClass.RTStructureSetStorage.equals(sopClass)) {
            throw new ImageInputException(file, "SOPClassUID", Reason.UNSUPPORTED,
                    "not an RT Structure Set (" + sopClass + "), modality " + Attrs.string(l, TagFromName.Modality));
        }
        Map<Integer, String[]> names = new HashMap<>();
        int n = Attrs.items(l, Tags.STRUCTURE_SET_ROI_SEQUENCE);
        for (int i = 0; i < n; i++) {
            AttributeList item = Attrs.item(l, Tags.STRUCTURE_SET_ROI_SEQUENCE, i);
            names.put(Attrs.integer(item, Tags.ROI_NUMBER, -1),
                    new String[] {Attrs.string(item, Tags.ROI_NAME), Attrs.string(item, Tags.REFERENCED_FRAME_OF_REFERENCE_UID)});
        }
        List<RtStructureSet.Roi> rois = new ArrayList<>();
        int m = Attrs.items(l, Tags.ROI_CONTOUR_SEQUENCE);
        for (int i = 0; i < m; i++) {
            AttributeList rc = Attrs.item(l, Tags.ROI_CONTOUR_SEQUENCE, i);
            int number = Attrs.integer(rc, Tags.REFERENCED_ROI_NUMBER, -1);
            String[] meta = names.get(number);
            if (meta == null) {
                throw new ImageInputException(file, "ReferencedROINumber", Reason.MISSING_FIELD,
                        "ROI contour item " + (i + 1) + " references ROI " + number + ", which StructureSetROISequence lacks");
            }
            List<RtStructureSet.Contour> contours = new ArrayList<>();
            for (int c = 0; c < Attrs.items(rc, Tags.CONTOUR_SEQUENCE); c++) {
                AttributeList ci = Attrs.item(rc, Tags.CONTOUR_SEQUENCE, c);
                double[] data = Attrs.doubles(ci, Tags.CONTOUR_DATA);
                if (data == null || data.length % 3 != 0) {
                    throw new ImageInputException(file, "ContourData (ROI " + meta[0] + ")", Reason.MISSING_FIELD,
                            "contour " + (c + 1) + " has " + (data == null ? 0 : data.length) + " values, not x\\y\\z triplets");
                }
                contours.add(new RtStructureSet.Contour(Attrs.string(ci, Tags.CONTOUR_GEOMETRIC_TYPE), data));
            }
            rois.add(new RtStructureSet.Roi(number, meta[0], meta[1], contours));
        }
        String frame = Attrs.string(Attrs.item(l, Tags.REFERENCED_FRAME_OF_REFERENCE_SEQUENCE), TagFromName.FrameOfReferenceUID);
        return new RtStructureSet(file, Attrs.string(l, TagFromName.SOPInstanceUID), frame, rois);
    }
}
