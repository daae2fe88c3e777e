package org.radstream.imaging.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.SharedData;
import org.radstream.imaging.Volume;

class NiftiReaderTest {

    @TempDir
    Path tmp;

    /** IBSI-1 digital phantom (theibsi/data_sets): int16, pixdim 2 2 2, sform diag(-2,-2,2) in RAS = identity in LPS. */
    @Test
    void readsIbsiPhantomImageAndMaskLikeTheReferenceVoxelTable() throws IOException {
        Volume image = NiftiReader.readVolume(SharedData.resolve("refdata/ibsi1/nifti/image/phantom.nii.gz"));
        LabelMap mask = NiftiReader.readLabelMap(SharedData.resolve("refdata/ibsi1/nifti/mask/mask.nii.gz"));
        Geometry g = image.geometry();
        assertEquals(List.of(5, 4, 4), List.of(g.nx(), g.ny(), g.nz()));
        assertArrayEquals(new double[] {2, 2, 2}, g.spacing());
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, g.direction());
        assertArrayEquals(new double[] {0, 0, 0}, g.origin());
        assertEquals(g, mask.geometry());

        List<String> rows = Files.readAllLines(SharedData.resolve("refdata/ibsi1/phantom_voxels.csv"));
        assertEquals(81, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            int x = Integer.parseInt(c[0]);
            int y = Integer.parseInt(c[1]);
            int z = Integer.parseInt(c[2]);
            assertEquals(Float.parseFloat(c[3]), image.get(x, y, z), row);
            assertEquals(Integer.parseInt(c[4]), mask.get(x, y, z), row);
        }
        assertEquals(74, mask.count(1)); // "74 of 80 voxels in ROI" (phantom_mask.txt)
    }

    @Test
    void qformRotationIsConvertedFromRasToLps() throws IOException {
        // 90° about the RAS z axis: quaternion (a,b,c,d) = (cos45°, 0, 0, sin45°) -> R = [[0,-1,0],[1,0,0],[0,0,1]].
        // In LPS the first two rows change sign: [[0,1,0],[-1,0,0],[0,0,1]]; origin (10,20,30) RAS -> (-10,-20,30) LPS.
        double s = Math.sqrt(0.5);
        Header h = new Header(3, 2, 1, 4, 1.5, 2.5, 3.5);
        h.qformCode = 1;
        h.quatern = new double[] {0, 0, s};
        h.qoffset = new double[] {10, 20, 30};
        Path f = h.write(tmp.resolve("q.nii"), ByteOrder.LITTLE_ENDIAN, false, new double[] {1, 2, 3, 4, 5, 6});
        Geometry g = NiftiReader.readVolume(f).geometry();
        assertArrayEquals(new double[] {0, 1, 0, -1, 0, 0, 0, 0, 1}, g.direction(), 1e-6);
        assertArrayEquals(new double[] {-10, -20, 30}, g.origin(), 1e-6);
        assertArrayEquals(new double[] {1.5, 2.5, 3.5}, g.spacing(), 1e-6);
        // axis i points along LPS (0,-1,0) (= RAS +y), so voxel (1,0,0) is 1.5 mm from the origin that way
        assertArrayEquals(new double[] {-10, -21.5, 30}, g.indexToPhysical(1, 0, 0), 1e-6);
    }

    @Test
    void negativeQfacFlipsTheThirdAxis() throws IOException {
        Header h = new Header(1, 1, 2, 4, 1, 1, 2);
        h.pixdim0 = -1;
        h.qformCode = 1;
        h.quatern = new double[] {0, 0, 0};
        Path f = h.write(tmp.resolve("qfac.nii"), ByteOrder.LITTLE_ENDIAN, false, new double[] {7, 8});
        Geometry g = NiftiReader.readVolume(f).geometry();
        assertArrayEquals(new double[] {-1, 0, 0, 0, -1, 0, 0, 0, -1}, g.direction(), 1e-12);
    }

    /** Neither qform nor sform (Analyze style): ITK takes the RAS identity, i.e. LPS diag(−1, −1, 1), origin 0. */
    @Test
    void noTransformGivesTheFlippedIdentity() throws IOException {
        Header h = new Header(2, 1, 1, 2, 0.5, 0.5, 2);
        Path f = h.write(tmp.resolve("none.nii"), ByteOrder.LITTLE_ENDIAN, false, new double[] {1, 2});
        Geometry g = NiftiReader.readVolume(f).geometry();
        assertArrayEquals(new double[] {-1, 0, 0, 0, -1, 0, 0, 0, 1}, g.direction());
        assertArrayEquals(new double[] {0, 0, 0}, g.origin());
        assertArrayEquals(new double[] {0.5, 0.5, 2}, g.spacing());
    }

    @Test
    void sformWinsOverQformWhenBothAreSet() throws IOException {
        Header h = new Header(2, 2, 2, 16, 2, 3, 4);
        h.qformCode = 1;
        h.quatern = new double[] {0, 0, 0};
        h.sformCode = 2;
        // axis i -> RAS -y (2 mm), axis j -> RAS +x (3 mm), axis k -> RAS +z (4 mm)
        h.srow = new double[] {0, 3, 0, 5, -2, 0, 0, 6, 0, 0, 4, 7};
        Path f = h.write(tmp.resolve("s.nii"), ByteOrder.LITTLE_ENDIAN, false, new double[8]);
        Geometry g = NiftiReader.readVolume(f).geometry();
        // LPS: negate rows 0 and 1 -> columns (0,2/2,0)->(0,1,0), (3/3,0,0)->(-1,0,0), (0,0,1)
        assertArrayEquals(new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1}, g.direction(), 1e-12);
        assertArrayEquals(new double[] {-5, -6, 7}, g.origin(), 1e-12);
    }

    @Test
    void allScalarDatatypesBigEndianGzipAndScaling() throws IOException {
        int[] codes = {2, 4, 8, 16, 64, 256, 512, 768, 1024, 1280};
        double[] values = {0, 1, 2, 100, 3, 5};
        for (int code : codes) {
            for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                Header h = new Header(3, 2, 1, code, 1, 1, 1);
                h.slope = 0.5;
                h.inter = -1;
                Path f = h.write(tmp.resolve("t" + code + order + ".nii.gz"), order, true, values);
                float[] v = NiftiReader.readVolume(f).voxels();
                for (int i = 0; i < values.length; i++) {
                    assertEquals(0.5 * values[i] - 1, v[i], 1e-6, "datatype " + code + " " + order);
                }
            }
        }
    }

    @Test
    void badInputNamesFileFieldAndReason() throws IOException {
        Path notNifti = Files.write(tmp.resolve("x.nii"), new byte[400]);
        ImageInputException e = assertThrows(ImageInputException.class, () -> NiftiReader.readVolume(notNifti));
        assertEquals(Reason.NOT_RECOGNISED, e.reason());
        assertEquals("sizeof_hdr", e.field());
        assertTrue(e.getMessage().contains(notNifti.toString()), e.getMessage());

        Header h = new Header(4, 4, 4, 4, 1, 1, 1);
        Path full = h.write(tmp.resolve("full.nii"), ByteOrder.LITTLE_ENDIAN, false, new double[64]);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(tmp.resolve("cut.nii"), java.util.Arrays.copyOf(bytes, bytes.length - 10));
        e = assertThrows(ImageInputException.class, () -> NiftiReader.readVolume(cut));
        assertEquals(Reason.TRUNCATED, e.reason());
        assertEquals("voxel data", e.field());

        Header rgb = new Header(1, 1, 1, 128, 1, 1, 1);
        Path rgbFile = rgb.write(tmp.resolve("rgb.nii"), ByteOrder.LITTLE_ENDIAN, false, new double[1]);
        e = assertThrows(ImageInputException.class, () -> NiftiReader.readVolume(rgbFile));
        assertEquals(Reason.UNSUPPORTED, e.reason());
        assertEquals("datatype", e.field());

        Header frac = new Header(2, 1, 1, 16, 1, 1, 1);
        Path fracFile = frac.write(tmp.resolve("frac.nii"), ByteOrder.LITTLE_ENDIAN, false, new double[] {0, 0.5});
        e = assertThrows(ImageInputException.class, () -> NiftiReader.readLabelMap(fracFile));
        assertEquals("voxel data", e.field());
    }

    /** Minimal NIfTI-1 writer for test inputs (fields per nifti1.h). */
    static final class Header {
        final int nx, ny, nz, datatype;
        final double sx, sy, sz;
        double pixdim0 = 1, slope, inter;
        int qformCode, sformCode;
        double[] quatern = new double[3], qoffset = new double[3], srow = new double[12];

        Header(int nx, int ny, int nz, int datatype, double sx, double sy, double sz) {
            this.nx = nx;
            this.ny = ny;
            this.nz = nz;
            this.datatype = datatype;
            this.sx = sx;
            this.sy = sy;
            this.sz = sz;
        }

        Path write(Path file, ByteOrder order, boolean gzip, double[] values) throws IOException {
            int bytesPer = switch (datatype) {
                case 2, 256 -> 1;
                case 4, 512 -> 2;
                case 8, 16, 768 -> 4;
                case 128 -> 3;
                default -> 8;
            };
            ByteBuffer b = ByteBuffer.allocate(352 + values.length * bytesPer).order(order);
            b.putInt(0, 348);
            short[] dim = {3, (short) nx, (short) ny, (short) nz, 1, 1, 1, 1};
            for (int i = 0; i < 8; i++) {
                b.putShort(40 + 2 * i, dim[i]);
            }
            b.putShort(70, (short) datatype);
            b.putShort(72, (short) (bytesPer * 8));
            float[] pixdim = {(float) pixdim0, (float) sx, (float) sy, (float) sz, 1, 1, 1, 1};
            for (int i = 0; i < 8; i++) {
                b.putFloat(76 + 4 * i, pixdim[i]);
            }
            b.putFloat(108, 352);
            b.putFloat(112, (float) slope);
            b.putFloat(116, (float) inter);
            b.putShort(252, (short) qformCode);
            b.putShort(254, (short) sformCode);
            for (int i = 0; i < 3; i++) {
                b.putFloat(256 + 4 * i, (float) quatern[i]);
                b.putFloat(268 + 4 * i, (float) qoffset[i]);
            }
            for (int i = 0; i < 12; i++) {
                b.putFloat(280 + 4 * i, (float) srow[i]);
            }
            b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
            b.position(352);
            for (double v : values) {
                switch (datatype) {
                    case 2, 256 -> b.put((byte) v);
                    case 4, 512 -> b.putShort((short) v);
                    case 8, 768 -> b.putInt((int) v);
                    case 16 -> b.putFloat((float) v);
                    case 64 -> b.putDouble(v);
                    case 128 -> b.put(new byte[3]);
                    default -> b.putLong((long) v);
                }
            }
            byte[] out = b.array();
            if (gzip) {
                ByteArrayOutputStream bos = new ByteArrayOutputStream();
                try (GZIPOutputStream z = new GZIPOutputStream(bos)) {
                    z.write(out);
                }
                out = bos.toByteArray();
            }
            return Files.write(file, out);
        }
    }
}
