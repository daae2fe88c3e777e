package org.radstream.imaging.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.imaging.dicom.DicomSeriesReader;
import org.radstream.imaging.dicom.MrSeriesInfo;
import org.radstream.imaging.dicom.MrSeriesWriter;
import org.radstream.imaging.dicom.SeriesVolume;
import org.radstream.imaging.dicom.Uids;
import org.radstream.imaging.roi.RoiMapper;

/** Acceptance: a NIfTI mask with a non-identity orientation lands on the right voxels of a DICOM series. */
class NiftiMaskOnDicomSeriesTest {

    @TempDir
    Path tmp;

    /**
     * Series: axial 4×3×2, spacing 1×1×2 mm, origin 0, identity direction (LPS).
     * Mask: 3×4×2 NIfTI whose sform (RAS) is
     * <pre>
     *   srow_x = ( 0, −1, 0,  0)
     *   srow_y = ( 1,  0, 0, −2)
     *   srow_z = ( 0,  0, 2,  0)
     * </pre>
     * so voxel (i,j,k) is at RAS (−j, i − 2, 2k) = LPS (j, 2 − i, 2k): the mask's i axis runs
     * posterior→anterior and its j axis right→left. By hand: mask (0,0,1) → LPS (0,2,2) → series
     * (0,2,1); mask (2,3,0) → (3,0,0) → series (3,0,0); mask (1,1,1) → (1,1,2) → series (1,1,1).
     */
    @Test
    void rotatedNiftiMaskLandsOnTheHandComputedSeriesVoxels() throws IOException {
        Geometry series = Geometry.of(4, 3, 2, 1, 1, 2);
        MrSeriesInfo info = new MrSeriesInfo("P1", "F", 50, Uids.fromName("s"), LocalDate.of(2020, 1, 1), "1",
                Uids.fromName("f"), Uids.fromName("se"), 1, "Ax T2", "T2", "", LocalTime.NOON, "SIEMENS", "Skyra", 3, "SE", "SK",
                3000, 80, 150);
        MrSeriesWriter.write(tmp.resolve("dcm"), info, new Volume(series, new float[series.voxelCount()]));
        SeriesVolume sv = DicomSeriesReader.readSingleSeries(tmp.resolve("dcm"));
        Geometry dicomGrid = sv.volume().geometry();

        NiftiReaderTest.Header h = new NiftiReaderTest.Header(3, 4, 2, 2, 1, 1, 2);
        h.sformCode = 1;
        h.srow = new double[] {0, -1, 0, 0, 1, 0, 0, -2, 0, 0, 2, 0};
        double[] labels = new double[24];
        labels[0 + 3 * (0 + 4 * 1)] = 1; // (0,0,1)
        labels[2 + 3 * (3 + 4 * 0)] = 1; // (2,3,0)
        labels[1 + 3 * (1 + 4 * 1)] = 1; // (1,1,1)
        Path nii = h.write(tmp.resolve("roi.nii.gz"), ByteOrder.LITTLE_ENDIAN, true, labels);

        LabelMap mask = NiftiReader.readLabelMap(nii);
        LabelMap onSeries = RoiMapper.map(mask, 1, dicomGrid, nii);
        assertEquals(3, onSeries.count(1));
        assertEquals(1, onSeries.get(0, 2, 1));
        assertEquals(1, onSeries.get(3, 0, 0));
        assertEquals(1, onSeries.get(1, 1, 1));
    }

    @Test
    void writerRoundTripsObliqueLeftHandedGeometryThroughQformAndSform() throws IOException {
        double c = Math.cos(0.4);
        double s = Math.sin(0.4);
        // columns (c, s, 0), (−s, c, 0), (0, 0, −1): a rotation about z with the slice axis flipped (det −1)
        Geometry g = new Geometry(3, 2, 2, new double[] {0.5, 0.75, 3}, new double[] {-10, 20, 33},
                new double[] {c, -s, 0, s, c, 0, 0, 0, -1});
        int[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        Path f = tmp.resolve("rt.nii.gz");
        NiftiWriter.write(f, new LabelMap(g, labels));
        LabelMap back = NiftiReader.readLabelMap(f);
        assertArrayEquals(labels, back.labels());
        assertArrayEquals(g.direction(), back.geometry().direction(), 1e-6);
        assertArrayEquals(g.origin(), back.geometry().origin(), 1e-4);
        assertArrayEquals(g.spacing(), back.geometry().spacing(), 1e-6);
        // the qform alone (sform_code 0) gives the same geometry
        byte[] raw = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(f)).readAllBytes();
        raw[254] = 0;
        raw[255] = 0;
        Path qonly = java.nio.file.Files.write(tmp.resolve("q.nii"), raw);
        Geometry q = NiftiReader.readLabelMap(qonly).geometry();
        assertArrayEquals(g.direction(), q.direction(), 1e-6);
        assertArrayEquals(g.origin(), q.origin(), 1e-4);
    }

    @Test
    void frameOfReferenceMismatchIsRefused() {
        ImageInputException e = assertThrows(ImageInputException.class,
                () -> RoiMapper.requireSameFrameOfReference("1.2.3", "1.2.4", Path.of("seg.dcm")));
        assertEquals(Reason.FRAME_OF_REFERENCE_MISMATCH, e.reason());
        assertEquals(Path.of("seg.dcm"), e.file());
    }

    @Test
    void maskOutsideTheSeriesIsRefused() {
        Geometry series = Geometry.of(4, 3, 2, 1, 1, 2);
        Geometry far = new Geometry(2, 2, 1, new double[] {1, 1, 1}, new double[] {100, 0, 0}, series.direction());
        LabelMap m = new LabelMap(far, new int[] {1, 0, 0, 0});
        ImageInputException e = assertThrows(ImageInputException.class, () -> RoiMapper.map(m, 1, series, Path.of("m.nii")));
        assertEquals(Reason.MASK_OUTSIDE_IMAGE, e.reason());
    }
}
