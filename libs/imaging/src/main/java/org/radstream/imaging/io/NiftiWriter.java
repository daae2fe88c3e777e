package org.radstream.imaging.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/**
 * Writes single-file NIfTI-1 images ({@code .nii}, or gzip-compressed when the name ends in
 * {@code .gz}), the format ITK-SNAP saves ROIs in. The LPS geometry is converted to RAS (first two rows
 * of the direction and origin negated) and written both as sform ({@code sform_code} 1, scanner) and
 * as qform ({@code qform_code} 1): the rotation as the quaternion (b, c, d) of nifti1.h, with
 * {@code qfac = pixdim[0] = −1} when the axes are left-handed. {@link NiftiReader} reads it back exactly.
 */
public final class NiftiWriter {

    private NiftiWriter() {
    }

    /** A label map as uint8 (labels 0…255). */
    public static void write(Path file, LabelMap mask) throws IOException {
        int[] labels = mask.labels();
        byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " does not fit uint8");
            }
            data[i] = (byte) labels[i];
        }
        write(file, mask.geometry(), 2, 8, data);
    }

    /** A volume as float32. */
    public static void write(Path file, Volume volume) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(volume.voxels().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : volume.voxels()) {
            b.putFloat(f);
        }
        write(file, volume.geometry(), 16, 32, b.array());
    }

    private static void write(Path file, Geometry g, int datatype, int bitpix, byte[] data) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, 348);
        short[] dim = {3, (short) g.nx(), (short) g.ny(), (short) g.nz(), 1, 1, 1, 1};
        if (g.nx() > Short.MAX_VALUE || g.ny() > Short.MAX_VALUE || g.nz() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("NIfTI-1 dimensions are limited to 32767");
        }
        for (int i = 0; i < 8; i++) {
            h.putShort(40 + 2 * i, dim[i]);
        }
        h.putShort(70, (short) datatype);
        h.putShort(72, (short) bitpix);
        double[] d = g.direction();
        // RAS rotation: negate the x and y rows of the LPS direction
        double[] r = {-d[0], -d[1], -d[2], -d[3], -d[4], -d[5], d[6], d[7], d[8]};
        double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) + r[2] * (r[3] * r[7] - r[4] * r[6]);
        double qfac = det < 0 ? -1 : 1;
        double[] q = quaternion(new double[] {r[0], r[1], qfac * r[2], r[3], r[4], qfac * r[5], r[6], r[7], qfac * r[8]});
        double[] sp = g.spacing();
        float[] pixdim = {(float) qfac, (float) sp[0], (float) sp[1], (float) sp[2], 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            h.putFloat(76 + 4 * i, pixdim[i]);
        }
        h.putFloat(108, 352); // vox_offset
        h.putFloat(112, 1); // scl_slope
        h.putFloat(116, 0);
        h.put(123, (byte) 10); // xyzt_units: mm + s
        h.putShort(252, (short) 1); // qform_code scanner
        h.putShort(254, (short) 1); // sform_code scanner
        double[] o = g.origin();
        double[] ras = {-o[0], -o[1], o[2]};
        h.putFloat(256, (float) q[1]);
        h.putFloat(260, (float) q[2]);
        h.putFloat(264, (float) q[3]);
        for (int i = 0; i < 3; i++) {
            h.putFloat(268 + 4 * i, (float) ras[i]);
        }
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                h.putFloat(280 + 16 * row + 4 * col, (float) (r[3 * row + col] * sp[col]));
            }
            h.putFloat(280 + 16 * row + 12, (float) ras[row]);
        }
        byte[] descrip = "radstream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        h.position(148);
        h.put(descrip);
        h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = file.toString().endsWith(".gz")
                ? new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) : Files.newOutputStream(file)) {
            out.write(h.array());
            out.write(data);
        }
    }

    /** Unit quaternion (a, b, c, d) with a ≥ 0 of a proper rotation matrix (row-major), as nifti_mat44_to_quatern. */
    static double[] quaternion(double[] r) {
        double a = r[0] + r[4] + r[8] + 1;
        double b;
        double c;
        double d;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r[7] - r[5]) / a;
            c = 0.25 * (r[2] - r[6]) / a;
            d = 0.25 * (r[3] - r[1]) / a;
        } else {
            double xd = 1 + r[0] - (r[4] + r[8]);
            double yd = 1 + r[4] - (r[0] + r[8]);
            double zd = 1 + r[8] - (r[0] + r[4]);
            if (xd > 1) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r[1] + r[3]) / b;
                d = 0.25 * (r[2] + r[6]) / b;
                a = 0.25 * (r[7] - r[5]) / b;
            } else if (yd > 1) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r[1] + r[3]) / c;
                d = 0.25 * (r[5] + r[7]) / c;
                a = 0.25 * (r[2] - r[6]) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r[2] + r[6]) / d;
                c = 0.25 * (r[5] + r[7]) / d;
                a = 0.25 * (r[3] - r[1]) / d;
            }
            if (a < 0) {
                a = -a;
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return new double[] {a, b, c, d};
    }
}
