package org.radstream.imaging.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.SharedData;
import org.radstream.imaging.Volume;

class DicomSeriesReaderTest {

    @TempDir
    Path tmp;

    static Path sample(String name) {
        return SharedData.resolve("dicom-samples/" + name);
    }

    static Path resource(String name) {
        return Path.of("src/test/resources/dicom", name).toAbsolutePath();
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }

    /** SOURCES.md: "64x64, MR, spacing 0.3125\0.3125; decoded pixels identical (n=4096 min=127 max=2145 sum=2125338)". */
    @ParameterizedTest
    @ValueSource(strings = {"MR_small.dcm", "MR_small_RLE.dcm", "MR_small_jp2klossless.dcm", "jpegll"})
    void publicSamplesDecodeToTheDocumentedPixelSum(String name) throws IOException {
        Path f = name.equals("jpegll") ? resource("MR_small_jpegll.dcm") : sample(name);
        SeriesVolume sv = DicomSeriesReader.readSingleSeries(f);
        Volume v = sv.volume();
        Geometry g = v.geometry();
        assertEquals(List.of(64, 64, 1), List.of(g.nx(), g.ny(), g.nz()));
        assertArrayEquals(new double[] {0.3125, 0.3125, 0.8}, g.spacing(), 1e-12); // SliceThickness 0.8
        assertArrayEquals(new double[] {-83.9063, -91.2, 6.6406}, g.origin(), 1e-12);
        assertEquals(4096, v.voxels().length);
        assertEquals(2125338, sum(v.voxels()));
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float x : v.voxels()) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertEquals(127, min);
        assertEquals(2145, max);
        assertEquals("MR", sv.series().modality());
        assertEquals("1.3.6.1.4.1.5962.1.3.4.1.20040826185059.5457", sv.series().seriesInstanceUid());
    }

    /** SOURCES.md: emri_small.dcm "10 frames (n=40960, min=0 max=467 sum=4493276), no pixel spacing". */
    @Test
    void geometrylessEnhancedMrReadsFramesButIsNoVolume() throws IOException {
        float[] frames = DicomSeriesReader.readFrames(sample("emri_small.dcm"));
        assertEquals(40960, frames.length);
        assertEquals(4493276, sum(frames));
        DicomSeries s = DicomSeriesReader.scan(sample("emri_small.dcm")).series().get(0);
        assertEquals(10, s.frames().size());
        ImageInputException e = assertThrows(ImageInputException.class, () -> DicomSeriesReader.read(s));
        assertEquals(Reason.INCONSISTENT_GEOMETRY, e.reason());
        assertTrue(e.field().startsWith("ImagePositionPatient"), e.field());
    }

    /** emri_small with per-frame PlanePosition (frames in reverse order along z) and shared orientation/measures. */
    @Test
    void enhancedMrWithPerFrameGeometryIsSortedAlongTheNormal() throws IOException {
        Path f = Files.copy(sample("emri_small.dcm"), tmp.resolve("emri_geo.dcm"));
        TestSeries.rewrite(f, l -> {
            AttributeList shared = AttributeListBuilder.item()
                    .sequence(TagFromName.PlaneOrientationSequence, AttributeListBuilder.item()
                            .putDecimal(TagFromName.ImageOrientationPatient, 1, 0, 0, 0, 1, 0).build())
                    .sequence(TagFromName.PixelMeasuresSequence, AttributeListBuilder.item()
                            .putDecimal(TagFromName.PixelSpacing, 0.9, 0.8).putDecimal(TagFromName.SliceThickness, 3).build())
                    .build();
            l.remove(TagFromName.SharedFunctionalGroupsSequence);
            SequenceAttribute sh = new SequenceAttribute(TagFromName.SharedFunctionalGroupsSequence);
            sh.addItem(shared);
            l.put(sh);
            // the sample has no functional groups: add a per-frame PlanePosition for each of its 10 frames
            SequenceAttribute pf = new SequenceAttribute(TagFromName.PerFrameFunctionalGroupsSequence);
            for (int i = 0; i < 10; i++) {
                pf.addItem(AttributeListBuilder.item().sequence(TagFromName.PlanePositionSequence, AttributeListBuilder.item()
                        .putDecimal(TagFromName.ImagePositionPatient, 5, 6, 30 - 3 * i).build()).build());
            }
            l.put(pf);
        });
        float[] frames = DicomSeriesReader.readFrames(f);
        SeriesVolume sv = DicomSeriesReader.readSingleSeries(f);
        Geometry g = sv.volume().geometry();
        assertEquals(10, g.nz());
        assertArrayEquals(new double[] {0.8, 0.9, 3}, g.spacing(), 1e-12);
        assertArrayEquals(new double[] {5, 6, 3}, g.origin(), 1e-12); // frame 10 (z = 30 - 27) comes first
        int plane = 64 * 64;
        for (int k = 0; k < 10; k++) {
            int frame = 9 - k;
            assertArrayEquals(Arrays.copyOfRange(frames, frame * plane, (frame + 1) * plane),
                    Arrays.copyOfRange(sv.volume().voxels(), k * plane, (k + 1) * plane), "slice " + k);
        }
    }

    @Test
    void obliqueSeriesRoundTripsThroughTheWriterInAnyFileOrder() throws IOException {
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        // rotation about LPS x by 0.3 rad: columns r = (1,0,0), c = (0,cos,sin), n = (0,-sin,cos)
        Geometry g = new Geometry(6, 5, 4, new double[] {0.7, 0.8, 5}, new double[] {-10, 20, 30},
                new double[] {1, 0, 0, 0, c, -s, 0, s, c});
        Volume v = TestSeries.indexed(g);
        List<Path> files = MrSeriesWriter.write(tmp.resolve("s1"), TestSeries.info("p1", "Ax T2"), v);
        List<Path> shuffled = List.of(files.get(2), files.get(0), files.get(3), files.get(1));
        SeriesVolume read = DicomSeriesReader.readSingleSeries(shuffled.toArray(Path[]::new));
        assertArrayEquals(v.voxels(), read.volume().voxels());
        Geometry rg = read.volume().geometry();
        assertArrayEquals(g.spacing(), rg.spacing(), 1e-9);
        assertArrayEquals(g.origin(), rg.origin(), 1e-6);
        assertArrayEquals(g.direction(), rg.direction(), 1e-6);
        DicomSeries ds = read.series();
        assertEquals("Ax T2", ds.seriesDescription());
        assertEquals(1.5, ds.magneticFieldStrength());
        assertEquals(java.time.LocalTime.of(10, 0), ds.acquisitionTime());
        assertEquals(4, ds.instanceCount());
    }

    @Test
    void directoryScanGroupsSeriesAndListsNonDicomFiles() throws IOException {
        Geometry g = Geometry.of(3, 3, 2, 1, 1, 2);
        MrSeriesWriter.write(tmp.resolve("study/a"), TestSeries.info("p", "T1"), TestSeries.indexed(g));
        MrSeriesWriter.write(tmp.resolve("study/b/deeper"), TestSeries.info("p", "T2"), TestSeries.indexed(g));
        Files.writeString(tmp.resolve("study/notes.txt"), "hello");
        DicomScan scan = DicomSeriesReader.scan(tmp.resolve("study"));
        assertEquals(2, scan.series().size());
        assertEquals(List.of(tmp.resolve("study/notes.txt")), scan.ignored());
        for (DicomSeries s : scan.series()) {
            assertEquals(2, s.frames().size());
        }
    }

    @Test
    void singleSeriesIgnoresNonImageObjectsButNotASecondSeries() throws IOException {
        Geometry g = Geometry.of(3, 3, 2, 1, 1, 2);
        MrSeriesInfo info = TestSeries.info("one", "T2");
        MrSeriesWriter.write(tmp.resolve("case/t2"), info, TestSeries.indexed(g));
        int[] m = new int[g.voxelCount()];
        m[4] = 1;
        SegWriter.write(tmp.resolve("case/t2/roi.dcm"), info, List.of(info.seriesInstanceUid() + ".1", info.seriesInstanceUid() + ".2"),
                new org.radstream.imaging.LabelMap(g, m), Uids.fromName("seg one"), 99, "READER_A");
        assertEquals(2, DicomSeriesReader.scan(tmp.resolve("case")).series().size());
        assertEquals(2, DicomSeriesReader.readSingleSeries(tmp.resolve("case")).volume().geometry().nz());

        MrSeriesWriter.write(tmp.resolve("case/t1"), TestSeries.info("one", "T1"), TestSeries.indexed(g));
        ImageInputException e = assertThrows(ImageInputException.class, () -> DicomSeriesReader.readSingleSeries(tmp.resolve("case")));
        assertEquals(Reason.NOT_ONE_SERIES, e.reason());
        assertTrue(e.getMessage().contains("found 2"), e.getMessage());
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void notDicom() throws IOException {
        Path f = Files.writeString(tmp.resolve("x.dcm"), "not dicom at all");
        ImageInputException e = assertThrows(ImageInputException.class, () -> DicomSeriesReader.scan(f));
        assertEquals(Reason.NOT_RECOGNISED, e.reason());
        assertEquals(f, e.file());
        assertTrue(e.getMessage().startsWith(f.toString()));
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] all = Files.readAllBytes(sample("MR_small.dcm"));
        Path f = Files.write(tmp.resolve("cut.dcm"), Arrays.copyOf(all, all.length - 3000));
        ImageInputException e = assertThrows(ImageInputException.class, () -> DicomSeriesReader.readSingleSeries(f));
        assertEquals(Reason.TRUNCATED, e.reason(), e.getMessage());
        assertEquals(f, e.file());
        Path header = Files.write(tmp.resolve("cut2.dcm"), Arrays.copyOf(all, 400));
        e = assertThrows(ImageInputException.class, () -> DicomSeriesReader.readSingleSeries(header));
        assertEquals(Reason.TRUNCATED, e.reason());
    }

    @Test
    void unsupportedTransferSyntax() {
        Path f = resource("MR_small_jpegls.dcm");
        ImageInputException e = assertThrows(ImageInputException.class, () -> DicomSeriesReader.scan(f));
        assertEquals(Reason.UNSUPPORTED, e.reason());
        assertEquals("TransferSyntaxUID", e.field());
        assertTrue(e.getMessage().contains("1.2.840.10008.1.2.4.80"), e.getMessage());
    }

    @Test
    void nonMrModality() throws IOException {
        List<Path> files = MrSeriesWriter.write(tmp.resolve("ct"), TestSeries.info("ct", "CT"), TestSeries.indexed(Geometry.of(2, 2, 1, 1, 1, 1)));
        TestSeries.rewrite(files.get(0), l -> put(l, TagFromName.Modality, "CT"));
        ImageInputException e = assertThrows(ImageInputException.class, () -> DicomSeriesReader.readSingleSeries(files.get(0)));
        assertEquals(Reason.NON_MR_MODALITY, e.reason());
        assertEquals("Modality", e.field());
    }

    @Test
    void irregularSpacingMixedOrientationAndDuplicatePositions() throws IOException {
        Geometry g = Geometry.of(3, 3, 4, 1, 1, 5);
        List<Path> gap = MrSeriesWriter.write(tmp.resolve("gap"), TestSeries.info("g", "gap"), TestSeries.indexed(g));
        Files.delete(gap.get(1));
        ImageInputException e = assertThrows(ImageInputException.class, () -> DicomSeriesReader.readSingleSeries(tmp.resolve("gap")));
        assertEquals(Reason.INCONSISTENT_GEOMETRY, e.reason());
        assertTrue(e.getMessage().contains("irregular slice spacing"), e.getMessage());

        List<Path> mixed = MrSeriesWriter.write(tmp.resolve("mixed"), TestSeries.info("m", "mixed"), TestSeries.indexed(g));
        TestSeries.rewrite(mixed.get(2), l -> put(l, TagFromName.ImageOrientationPatient, "1", "0", "0", "0", "0", "-1"));
        e = assertThrows(ImageInputException.class, () -> DicomSeriesReader.readSingleSeries(tmp.resolve("mixed")));
        assertEquals(Reason.INCONSISTENT_GEOMETRY, e.reason());
        assertEquals(mixed.get(2), e.file());
        assertTrue(e.getMessage().contains("mixed orientations"), e.getMessage());

        List<Path> dup = MrSeriesWriter.write(tmp.resolve("dup"), TestSeries.info("d", "dup"), TestSeries.indexed(g));
        TestSeries.rewrite(dup.get(3), l -> put(l, TagFromName.ImagePositionPatient, "0", "0", "10"));
        e = assertThrows(ImageInputException.class, () -> DicomSeriesReader.readSingleSeries(tmp.resolve("dup")));
        assertEquals(Reason.INCONSISTENT_GEOMETRY, e.reason());
        assertTrue(e.getMessage().contains("same position"), e.getMessage());
    }

    @Test
    void missingGeometry() throws IOException {
        List<Path> files = MrSeriesWriter.write(tmp.resolve("nogeo"), TestSeries.info("n", "nogeo"), TestSeries.indexed(Geometry.of(2, 2, 1, 1, 1, 1)));
        TestSeries.rewrite(files.get(0), l -> l.remove(TagFromName.ImageOrientationPatient));
        ImageInputException e = assertThrows(ImageInputException.class, () -> DicomSeriesReader.readSingleSeries(files.get(0)));
        assertEquals(Reason.INCONSISTENT_GEOMETRY, e.reason());
        assertTrue(e.field().startsWith("ImageOrientationPatient"));
    }

    @Test
    void nonFiniteAfterRescale() throws IOException {
        List<Path> files = MrSeriesWriter.write(tmp.resolve("inf"), TestSeries.info("i", "inf"), TestSeries.indexed(Geometry.of(2, 2, 1, 1, 1, 1)));
        TestSeries.rewrite(files.get(0), l -> {
            put(l, TagFromName.RescaleSlope, "1e38");
            put(l, TagFromName.RescaleIntercept, "0");
        });
        ImageInputException e = assertThrows(ImageInputException.class, () -> DicomSeriesReader.readSingleSeries(files.get(0)));
        assertEquals(Reason.NON_FINITE_VALUE, e.reason());
        assertEquals(files.get(0), e.file());
    }

    @Test
    void rescaleIsApplied() throws IOException {
        List<Path> files = MrSeriesWriter.write(tmp.resolve("rs"), TestSeries.info("r", "rs"), TestSeries.indexed(Geometry.of(2, 2, 1, 1, 1, 1)));
        TestSeries.rewrite(files.get(0), l -> {
            put(l, TagFromName.RescaleSlope, "2.5");
            put(l, TagFromName.RescaleIntercept, "-4");
        });
        // stored 0, 1, 10, 11 -> 2.5 v - 4
        assertArrayEquals(new float[] {-4, -1.5f, 21, 23.5f}, DicomSeriesReader.readSingleSeries(files.get(0)).volume().voxels());
    }

    private static void put(AttributeList l, com.pixelmed.dicom.AttributeTag tag, String... values) {
        l.remove(tag);
        AttributeListBuilder b = new AttributeListBuilder().put(tag, values);
        l.putAll(b.build());
    }
}
