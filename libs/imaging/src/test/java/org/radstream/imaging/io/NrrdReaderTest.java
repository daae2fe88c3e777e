package org.radstream.imaging.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.SharedData;
import org.radstream.imaging.Volume;

/**
 * Expected values for breast1 come from PyRadiomics' own baseline diagnostics
 * (refdata/pyradiomics-breast1/baseline_firstorder.csv, computed by PyRadiomics/SimpleITK).
 */
class NrrdReaderTest {

    @TempDir
    Path tmp;

    @Test
    void breast1ImageMatchesPyRadiomicsDiagnostics() throws Exception {
        Volume image = NrrdReader.readVolume(SharedData.resolve("refdata/pyradiomics-breast1/breast1_image.nrrd"));
        Geometry g = image.geometry();
        // diagnostics_Image-original_Size (45, 120, 21), _Spacing (0.664062, 0.664062, 2.1)
        assertEquals(45, g.nx());
        assertEquals(120, g.ny());
        assertEquals(21, g.nz());
        assertArrayEquals(new double[] {0.664062, 0.664062, 2.1}, g.spacing(), 1e-12);
        assertArrayEquals(new double[] {-116.54304, -48.14465400000001, 9.4500000000000295}, g.origin(), 1e-12);
        // diagnostics_Image-original_Hash = sha1 of the int16 voxel array (x fastest)
        assertEquals("016951a8f9e8e5de21092d9d62b77262f92e04a5", sha1Int16(image.voxels()));
        // diagnostics_Image-original_Mean 63.380440917107585, _Minimum 6, _Maximum 248
        double sum = 0;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : image.voxels()) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(63.380440917107585, sum / image.voxels().length, 1e-12);
        assertEquals(6f, min);
        assertEquals(248f, max);
    }

    @Test
    void breast1LabelMatchesPyRadiomicsDiagnostics() throws Exception {
        LabelMap mask = NrrdReader.readLabelMap(SharedData.resolve("refdata/pyradiomics-breast1/breast1_label.nrrd"));
        Geometry g = mask.geometry();
        // diagnostics_Mask-original_VoxelNum 143; _Hash is the sha1 of the mask after PyRadiomics casts it to UInt32
        assertEquals(143, mask.count(1));
        ByteBuffer u32 = ByteBuffer.allocate(mask.labels().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int label : mask.labels()) {
            u32.putInt(label);
        }
        assertEquals("c45601d81c387b7c809948af79ebf173738c0b02",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(u32.array())));
        // diagnostics_Mask-original_BoundingBox (21, 64, 8, 9, 12, 3): start x,y,z then size x,y,z
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        double[] com = new double[3];
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (mask.get(i, j, k) == 1) {
                        int[] idx = {i, j, k};
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], idx[a]);
                            hi[a] = Math.max(hi[a], idx[a]);
                            com[a] += idx[a];
                        }
                    }
                }
            }
        }
        assertArrayEquals(new int[] {21, 64, 8, 9, 12, 3},
                new int[] {lo[0], lo[1], lo[2], hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1});
        // diagnostics_Mask-original_CenterOfMass (physical, via SimpleITK) checks origin + direction + spacing
        double[] p = g.indexToPhysical(com[0] / 143, com[1] / 143, com[2] / 143);
        assertArrayEquals(new double[] {-100.22011741258741, -2.1432681818181933, 28.629020979021007}, p, 1e-9);
    }

    @Test
    void rasSpaceRawBigEndianAndAscii() throws IOException {
        String header = "NRRD0004\ntype: float\ndimension: 3\nspace: right-anterior-superior\nsizes: 2 1 1\n"
                + "space directions: (0,2,0) (-3,0,0) (0,0,4)\nspace origin: (1,2,3)\nendian: big\nencoding: raw\n\n";
        ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.25f).putFloat(-7f);
        Path f = tmp.resolve("ras.nrrd");
        Files.write(f, concat(header.getBytes(StandardCharsets.US_ASCII), data.array()));
        Volume v = NrrdReader.readVolume(f);
        assertArrayEquals(new float[] {1.25f, -7f}, v.voxels());
        Geometry g = v.geometry();
        assertArrayEquals(new double[] {2, 3, 4}, g.spacing(), 1e-12);
        // RAS -> LPS negates x and y: columns (0,-1,0), (1,0,0), (0,0,1); origin (-1,-2,3)
        assertArrayEquals(new double[] {0, 1, 0, -1, 0, 0, 0, 0, 1}, g.direction(), 1e-12);
        assertArrayEquals(new double[] {-1, -2, 3}, g.origin(), 1e-12);

        Path a = tmp.resolve("ascii.nrrd");
        Files.writeString(a, "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 3 1 1\nspacings: 0.5 0.5 1\nencoding: ascii\n\n1 2\n3\n");
        Volume av = NrrdReader.readVolume(a);
        assertArrayEquals(new float[] {1, 2, 3}, av.voxels());
        assertArrayEquals(new double[] {0.5, 0.5, 1}, av.geometry().spacing(), 0);
    }

    @Test
    void badInputNamesFileFieldAndReason() throws IOException {
        Path noMagic = Files.writeString(tmp.resolve("x.nrrd"), "hello\n\n");
        ImageInputException e = assertThrows(ImageInputException.class, () -> NrrdReader.readVolume(noMagic));
        assertEquals(Reason.NOT_RECOGNISED, e.reason());
        assertTrue(e.getMessage().startsWith(noMagic.toString()), e.getMessage());

        Path noSizes = Files.writeString(tmp.resolve("nosizes.nrrd"), "NRRD0004\ntype: short\ndimension: 3\nencoding: raw\n\n");
        e = assertThrows(ImageInputException.class, () -> NrrdReader.readVolume(noSizes));
        assertEquals("sizes", e.field());
        assertEquals(Reason.MISSING_FIELD, e.reason());

        Path shortData = Files.writeString(tmp.resolve("short.nrrd"),
                "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 2 2\nendian: little\nencoding: raw\n\nabc");
        e = assertThrows(ImageInputException.class, () -> NrrdReader.readVolume(shortData));
        assertEquals(Reason.TRUNCATED, e.reason());

        Path bz = Files.writeString(tmp.resolve("bz.nrrd"),
                "NRRD0004\ntype: short\ndimension: 3\nsizes: 1 1 1\nendian: little\nencoding: bzip2\n\nxx");
        e = assertThrows(ImageInputException.class, () -> NrrdReader.readVolume(bz));
        assertEquals("encoding", e.field());
        assertEquals(Reason.UNSUPPORTED, e.reason());

        Path shear = Files.writeString(tmp.resolve("shear.nrrd"), "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 1 1 1\n"
                + "space: left-posterior-superior\nspace directions: (1,0,0) (1,1,0) (0,0,1)\nencoding: raw\n\nx");
        e = assertThrows(ImageInputException.class, () -> NrrdReader.readVolume(shear));
        assertEquals(Reason.INCONSISTENT_GEOMETRY, e.reason());
        assertEquals("space directions", e.field());
    }

    private static String sha1Int16(float[] voxels) throws NoSuchAlgorithmException {
        ByteBuffer b = ByteBuffer.allocate(voxels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : voxels) {
            b.putShort((short) v);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b.array()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
