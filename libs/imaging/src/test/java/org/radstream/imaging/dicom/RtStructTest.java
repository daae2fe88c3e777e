package org.radstream.imaging.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;

class RtStructTest {

    @TempDir
    Path tmp;

    /** Series 10×8×3, 1×1×2 mm, origin 0: slice k lies at z = 2k mm. */
    private SeriesVolume series(String name) throws IOException {
        Geometry g = Geometry.of(10, 8, 3, 1, 1, 2);
        return DicomSeriesReader.readSingleSeries(
                MrSeriesWriter.write(tmp.resolve(name), TestSeries.info(name, "Ax T2"), TestSeries.indexed(g)).toArray(Path[]::new));
    }

    private Path rtstruct(String frame, double[]... contoursOfTumour) throws Exception {
        List<AttributeList> contours = new ArrayList<>();
        for (double[] c : contoursOfTumour) {
            contours.add(new AttributeListBuilder().put(Tags.CONTOUR_GEOMETRIC_TYPE, "CLOSED_PLANAR")
                    .put(new com.pixelmed.dicom.AttributeTag(0x3006, 0x0046), c.length / 3).putDecimal(Tags.CONTOUR_DATA, c).build());
        }
        AttributeList l = new AttributeListBuilder()
                .put(TagFromName.SOPClassUID, SOPClass.RTStructureSetStorage)
                .put(TagFromName.SOPInstanceUID, "1.2.826.0.1.3680043.2.1.1")
                .put(TagFromName.Modality, "RTSTRUCT")
                .put(TagFromName.SeriesInstanceUID, "1.2.826.0.1.3680043.2.1.2")
                .sequence(Tags.REFERENCED_FRAME_OF_REFERENCE_SEQUENCE,
                        new AttributeListBuilder().put(TagFromName.FrameOfReferenceUID, frame).build())
                .sequence(Tags.STRUCTURE_SET_ROI_SEQUENCE,
                        new AttributeListBuilder().put(Tags.ROI_NUMBER, 7).put(Tags.REFERENCED_FRAME_OF_REFERENCE_UID, frame)
                                .put(Tags.ROI_NAME, "tumour").build())
                .sequence(Tags.ROI_CONTOUR_SEQUENCE, new AttributeListBuilder().put(Tags.REFERENCED_ROI_NUMBER, 7)
                        .sequence(Tags.CONTOUR_SEQUENCE, contours.toArray(AttributeList[]::new)).build())
                .build();
        FileMetaInformation.addFileMetaInformation(l, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        Path f = tmp.resolve("rs" + contours.size() + frame.hashCode() + ".dcm");
        l.write(f.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return f;
    }

    /**
     * Square (1.5,1.5)–(5.5,4.5) at z = 2 mm (slice 1) covers centres i = 2…5, j = 2…4: 12 voxels; an
     * inner square (2.5,2.5)–(3.5,3.5) cuts out (3,3): 11. Triangle (0,0),(4,0),(0,4) at z = 4 mm
     * (slice 2): rows j = 0…3 hold 4, 3, 2, 1 centres (right edge x = 4 − j excluded): 10.
     */
    @Test
    void contoursAreFilledOnTheHandComputedVoxels() throws Exception {
        SeriesVolume sv = series("rt");
        String frame = sv.series().frameOfReferenceUid();
        Path rs = rtstruct(frame,
                new double[] {1.5, 1.5, 2, 5.5, 1.5, 2, 5.5, 4.5, 2, 1.5, 4.5, 2},
                new double[] {2.5, 2.5, 2, 3.5, 2.5, 2, 3.5, 3.5, 2, 2.5, 3.5, 2},
                new double[] {0, 0, 4, 4, 0, 4, 0, 4, 4});
        RtStructureSet set = RtStructReader.read(rs);
        assertEquals("tumour", set.rois().get(0).name());
        LabelMap m = set.maskOn(sv, "tumour");
        assertEquals(21, m.count(1));
        int slice1 = 0;
        for (int j = 0; j < 8; j++) {
            for (int i = 0; i < 10; i++) {
                boolean square = i >= 2 && i <= 5 && j >= 2 && j <= 4 && !(i == 3 && j == 3);
                assertEquals(square ? 1 : 0, m.get(i, j, 1), "(" + i + "," + j + ",1)");
                boolean triangle = j <= 3 && i <= 3 - j;
                assertEquals(triangle ? 1 : 0, m.get(i, j, 2), "(" + i + "," + j + ",2)");
                slice1 += m.get(i, j, 1);
            }
        }
        assertEquals(11, slice1);
    }

    @Test
    void badStructureSets() throws Exception {
        SeriesVolume sv = series("bad");
        Path other = rtstruct("1.2.3.4", new double[] {1, 1, 2, 3, 1, 2, 3, 3, 2});
        ImageInputException e = assertThrows(ImageInputException.class, () -> RtStructReader.read(other).maskOn(sv, "tumour"));
        assertEquals(Reason.FRAME_OF_REFERENCE_MISMATCH, e.reason());

        String frame = sv.series().frameOfReferenceUid();
        Path outside = rtstruct(frame, new double[] {1, 1, 40, 3, 1, 40, 3, 3, 40});
        e = assertThrows(ImageInputException.class, () -> RtStructReader.read(outside).maskOn(sv, "tumour"));
        assertEquals(Reason.MASK_OUTSIDE_IMAGE, e.reason());

        Path tilted = rtstruct(frame, new double[] {1, 1, 0, 3, 1, 2, 3, 3, 4});
        e = assertThrows(ImageInputException.class, () -> RtStructReader.read(tilted).maskOn(sv, "tumour"));
        assertEquals(Reason.INCONSISTENT_GEOMETRY, e.reason());

        Path sliver = rtstruct(frame, new double[] {1.1, 1.1, 2, 1.4, 1.1, 2, 1.4, 1.4, 2});
        e = assertThrows(ImageInputException.class, () -> RtStructReader.read(sliver).maskOn(sv, "tumour"));
        assertEquals(Reason.EMPTY_MASK, e.reason());

        e = assertThrows(ImageInputException.class, () -> RtStructReader.read(sliver).maskOn(sv, "liver"));
        assertEquals(Reason.MISSING_FIELD, e.reason());
    }
}
