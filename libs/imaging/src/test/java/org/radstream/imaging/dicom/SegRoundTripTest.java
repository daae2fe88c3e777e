package org.radstream.imaging.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;

class SegRoundTripTest {

    @TempDir
    Path tmp;

    private record Written(SeriesVolume series, MrSeriesInfo info, Path seg, LabelMap mask) {
    }

    private Written write(String name) throws IOException {
        double c = Math.cos(0.2);
        double s = Math.sin(0.2);
        Geometry g = new Geometry(7, 5, 3, new double[] {0.9, 1.1, 5}, new double[] {-20, 10, 40},
                new double[] {c, -s, 0, s, c, 0, 0, 0, 1});
        MrSeriesInfo info = TestSeries.info(name, "Ax LAVA Delay");
        List<Path> files = MrSeriesWriter.write(tmp.resolve(name), info, TestSeries.indexed(g));
        SeriesVolume sv = DicomSeriesReader.readSingleSeries(files.toArray(Path[]::new));
        int[] m = new int[g.voxelCount()];
        for (int j = 1; j <= 3; j++) {
            for (int i = 2; i <= 5; i++) {
                m[g.index(i, j, 1)] = 1;
            }
        }
        m[g.index(6, 4, 1)] = 1;
        LabelMap mask = new LabelMap(g, m);
        List<String> sops = new ArrayList<>();
        for (DicomFrame f : sv.frames()) {
            sops.add(f.sopInstanceUid());
        }
        Path seg = tmp.resolve(name + "-seg.dcm");
        SegWriter.write(seg, info, sops, mask, Uids.fromName("seg " + name), 100, "READER_A");
        return new Written(sv, info, seg, mask);
    }

    @Test
    void binarySegRoundTripsOntoTheSeriesGrid() throws IOException {
        Written w = write("bin");
        DicomSegmentation seg = SegReader.read(w.seg);
        assertEquals(List.of(w.info.seriesInstanceUid()), seg.referencedSeriesUids());
        assertEquals(1, seg.frames().size()); // only the slice holding the ROI
        assertEquals(List.of(new DicomSegmentation.Segment(1, "Tumour READER_A")), seg.segments());
        LabelMap back = seg.maskOn(w.series, 1, 0.5);
        assertArrayEquals(w.mask.labels(), back.labels());
    }

    /** The same SEG edited into FRACTIONAL 8-bit with a second segment (frame 2) holding 100/255 and 200/255 pixels. */
    @Test
    void fractionalMultiSegmentSeg() throws Exception {
        Written w = write("frac");
        TestSeries.rewrite(w.seg, l -> {
            try {
                int plane = 7 * 5;
                byte[] bin = l.get(TagFromName.PixelData).getByteValues();
                byte[] frac = new byte[2 * plane];
                for (int i = 0; i < plane; i++) {
                    frac[i] = (byte) (((bin[i >>> 3] >> (i & 7)) & 1) * 255);
                }
                frac[plane + 0] = (byte) 100; // segment 2 pixel (0,0): 0.39
                frac[plane + 8] = (byte) 200; // segment 2 pixel (1,1): 0.78
                l.remove(TagFromName.PixelData);
                OtherByteAttribute px = new OtherByteAttribute(TagFromName.PixelData);
                px.setValues(frac);
                l.put(px);
                put(l, TagFromName.SegmentationType, "FRACTIONAL");
                put(l, TagFromName.SegmentationFractionalType, "PROBABILITY");
                put(l, TagFromName.MaximumFractionalValue, "255");
                put(l, TagFromName.BitsAllocated, "8");
                put(l, TagFromName.BitsStored, "8");
                put(l, TagFromName.HighBit, "7");
                put(l, TagFromName.NumberOfFrames, "2");
                SequenceAttribute segs = (SequenceAttribute) l.get(TagFromName.SegmentSequence);
                segs.addItem(new AttributeListBuilder().put(TagFromName.SegmentNumber, 2).put(TagFromName.SegmentLabel, "second").build());
                SequenceAttribute pf = (SequenceAttribute) l.get(TagFromName.PerFrameFunctionalGroupsSequence);
                AttributeList first = pf.getItem(0).getAttributeList();
                AttributeList second = new AttributeList();
                second.put(first.get(TagFromName.PlanePositionSequence));
                second.put(new AttributeListBuilder().sequence(TagFromName.SegmentIdentificationSequence,
                        new AttributeListBuilder().put(TagFromName.ReferencedSegmentNumber, 2).build()).build()
                        .get(TagFromName.SegmentIdentificationSequence));
                pf.addItem(second);
            } catch (com.pixelmed.dicom.DicomException e) {
                throw new IllegalStateException(e);
            }
        });
        DicomSegmentation seg = SegReader.read(w.seg);
        assertTrue(seg.fractional());
        assertEquals(2, seg.segments().size());
        assertArrayEquals(w.mask.labels(), seg.maskOn(w.series, 1, 0.5).labels());
        LabelMap second = seg.maskOn(w.series, 2, 0.5); // only the 200/255 pixel passes 0.5
        assertEquals(1, second.count(1));
        assertEquals(1, second.get(1, 1, 1));
        assertEquals(2, seg.maskOn(w.series, 2, 0.3).count(1));
    }

    @Test
    void segOnAnotherFrameOfReferenceIsRefused() throws IOException {
        Written a = write("a");
        Written b = write("b");
        DicomSegmentation seg = SegReader.read(a.seg);
        ImageInputException e = assertThrows(ImageInputException.class, () -> seg.maskOn(b.series, 1, 0.5));
        assertEquals(Reason.FRAME_OF_REFERENCE_MISMATCH, e.reason());
        assertEquals(a.seg, e.file());
    }

    private static void put(AttributeList l, com.pixelmed.dicom.AttributeTag tag, String value) {
        l.remove(tag);
        l.putAll(new AttributeListBuilder().put(tag, value).build());
    }
}
