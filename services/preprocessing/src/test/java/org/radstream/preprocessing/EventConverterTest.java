package org.radstream.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radstream.events.PreprocessedRoi;
import org.radstream.events.Reader;
import org.radstream.events.RoiFormat;
import org.radstream.events.Sequence;
import org.radstream.events.StudyReceived;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.imaging.sequence.MrSequence;
import org.radstream.streaming.dlq.ReasonCode;

class EventConverterTest {

    /** A 3x2x2 grid with a rotated direction and distinct values, so any axis or byte-order slip shows. */
    static final Geometry GRID = new Geometry(3, 2, 2, new double[] {1, 1, 1}, new double[] {-10.5, 20.25, 3},
            new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1});

    @Test
    void studyReceivedToInput() throws Exception {
        StudyReceived e = StudyReceived.newBuilder().setCaseId("c1").setStudyRef("s").setSource("cli")
                .setReceivedAt(Instant.EPOCH)
                .setSeries(List.of(CohortStudies.series(java.nio.file.Path.of("/b/c1/T2"), Sequence.T2WI, "c1")))
                .setRois(List.of(CohortStudies.roi(Reader.B, Sequence.DP, RoiFormat.NIFTI, java.nio.file.Path.of("/b/r.nii.gz"))))
                .build();
        StudyInput in = EventConverter.toInput(e);
        assertEquals("c1", in.caseId());
        assertEquals(new StudyInput.Series(URI.create("file:///b/c1/T2"), "series-c1-T2WI"), in.series().get(MrSequence.T2WI));
        assertEquals(List.of(new StudyInput.Roi("B", MrSequence.DP, URI.create("file:///b/r.nii.gz"), 1)), in.rois());
    }

    @Test
    void aSequenceListedTwiceIsRejected() {
        var s = CohortStudies.series(java.nio.file.Path.of("/b/x"), Sequence.AP, "c1");
        StudyReceived e = StudyReceived.newBuilder().setCaseId("c1").setStudyRef("s").setSource("cli")
                .setReceivedAt(Instant.EPOCH).setSeries(List.of(s, s)).setRois(List.of()).build();
        PreprocessingRejected r = assertThrows(PreprocessingRejected.class, () -> EventConverter.toInput(e));
        assertEquals(ReasonCode.DUPLICATE_SEQUENCE, r.reasonCode());
    }

    @Test
    void roiEventCarriesLittleEndianFloatsAndRoundTrips() {
        float[] v = {1.5f, -2.25f, 0f, Float.MIN_VALUE, 3e7f, -0f, 7, 8, 9, 10, 11, 12};
        int[] m = {0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0};
        RoiOutput o = new RoiOutput("c1", MrSequence.PVP, "A", "ser", URI.create("file:///r.seg.dcm"),
                new org.radstream.imaging.preprocess.PreprocessedRoi(new Volume(GRID, v), new LabelMap(GRID, m),
                        List.of(), "reader_a", "abc"), 1);
        PreprocessedRoi e = EventConverter.toEvent(o, Instant.ofEpochMilli(42));
        assertEquals(Sequence.PVP, e.getSequence());
        assertEquals(Reader.A, e.getReader());
        assertEquals(List.of(3, 2, 2), List.of(e.getSizeX(), e.getSizeY(), e.getSizeZ()));
        assertEquals(List.of(-10.5, 20.25, 3.0), e.getOriginMm());
        assertEquals(List.of(0.0, -1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0), e.getDirection());
        // byte layout by hand: value 0 = 1.5f = 0x3FC00000, little-endian 00 00 C0 3F
        byte[] img = new byte[e.getImage().remaining()];
        e.getImage().duplicate().get(img);
        assertEquals(48, img.length);
        assertArrayEquals(new byte[] {0, 0, (byte) 0xC0, 0x3F}, java.util.Arrays.copyOf(img, 4));
        assertEquals(-2.25f, ByteBuffer.wrap(img).order(ByteOrder.LITTLE_ENDIAN).getFloat(4));
        assertEquals(1, e.getRoiSlice());
        assertEquals("abc", e.getSettingsHash());
        assertEquals("ser", e.getSourceSeriesRef());
        assertEquals("file:///r.seg.dcm", e.getSourceRoiUri());
        assertEquals(Instant.ofEpochMilli(42), e.getCreatedAt());

        assertEquals(GRID, EventConverter.geometry(e));
        assertArrayEquals(v, EventConverter.image(e).voxels());
        assertArrayEquals(m, EventConverter.mask(e).labels());
    }

    @Test
    void inconsistentVoxelBytesAreNamed() {
        RoiOutput o = new RoiOutput("c1", MrSequence.DP, "B", "ser", URI.create("file:///r"),
                new org.radstream.imaging.preprocess.PreprocessedRoi(new Volume(GRID, new float[12]),
                        new LabelMap(GRID, new int[12]), List.of(), "x", "h"), 0);
        PreprocessedRoi e = EventConverter.toEvent(o, Instant.EPOCH);
        e.setImage(ByteBuffer.wrap(new byte[47]));
        var x = assertThrows(EventConverter.InvalidRoiEventException.class, () -> EventConverter.image(e));
        assertEquals("PreprocessedRoi.image has 47 bytes, the 3x2x2 grid needs 48", x.getMessage());
        e.setMask(ByteBuffer.wrap(new byte[] {0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0}));
        assertThrows(EventConverter.InvalidRoiEventException.class, () -> EventConverter.mask(e));
        e.setSizeZ(0);
        assertThrows(EventConverter.InvalidRoiEventException.class, () -> EventConverter.geometry(e));
    }
}
