package org.radstream.imaging.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/**
 * Reads single-file NIfTI-1 images ({@code .nii}, {@code .nii.gz}; gzip is detected by its magic number)
 * into a {@link Volume} or {@link LabelMap} with the geometry ITK/SimpleITK would give them, so masks
 * saved by ITK-SNAP land on the same voxels as in PyRadiomics.
 *
 * <p>Geometry, as in ITK's {@code NiftiImageIO} (ITK ≥ 5.2):
 * <ul>
 * <li>spacing = |pixdim[1..3]|;</li>
 * <li>if {@code sform_code > 0} and the sform's 3×3 part is a rotation times a diagonal scaling, the
 *     directions are its normalised columns and the origin is its translation column;</li>
 * <li>otherwise, if {@code qform_code > 0}, the quaternion {@code (b,c,d)}, {@code a = √(1−b²−c²−d²)}
 *     gives the rotation R (NIfTI-1 header comments), its third column times {@code qfac = pixdim[0] < 0 ? −1 : 1},
 *     and the origin is {@code qoffset_xyz};</li>
 * <li>otherwise (Analyze-style) R = I and origin 0.</li>
 * </ul>
 * NIfTI coordinates are RAS; DICOM/ITK are LPS, so the first two rows of the direction matrix and the
 * first two origin components change sign.
 *
 * <p>Intensities: all scalar datatypes (int8…uint64, float32, float64); when {@code scl_slope ≠ 0}
 * the stored value v becomes {@code scl_slope·v + scl_inter}. Values are held as float (int32 beyond
 * 2<sup>24</sup> lose precision). Only 3D images (or 4D/5D with singleton extra dimensions) are read.
 *
 * <p>Reference: NIfTI-1 header, https://nifti.nimh.nih.gov/pub/dist/src/niftilib/nifti1.h.
 */
public final class NiftiReader {

    private static final int HEADER_SIZE = 348;

    private NiftiReader() {
    }

    /** The image with scl_slope/scl_inter applied. */
    public static Volume readVolume(Path file) throws IOException {
        return parse(file);
    }

    /**
     * A label image; every voxel value (after scaling) must be an integer. Use for ROI masks (0 =
     * background).
     */
    public static LabelMap readLabelMap(Path file) throws IOException {
        return ImageFiles.labelMap(file, "voxel data", parse(file));
    }

    private static Volume parse(Path file) throws IOException {
        byte[] bytes = ImageFiles.readMaybeGzipped(file);
        if (bytes.length < HEADER_SIZE) {
            throw new ImageInputException(file, "header", bytes.length < 4 ? Reason.NOT_RECOGNISED : Reason.TRUNCATED,
                    "file has " + bytes.length + " bytes, a NIfTI-1 header needs " + HEADER_SIZE);
        }
        ByteBuffer h = ByteBuffer.wrap(bytes, 0, HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int sizeofHdr = h.getInt(0);
        if (sizeofHdr != HEADER_SIZE) {
            h.order(ByteOrder.BIG_ENDIAN);
            sizeofHdr = h.getInt(0);
            if (sizeofHdr != HEADER_SIZE) {
                throw new ImageInputException(file, "sizeof_hdr", Reason.NOT_RECOGNISED,
                        "expected 348 (NIfTI-1) in either byte order, found " + h.order(ByteOrder.LITTLE_ENDIAN).getInt(0)
                                + (h.getInt(0) == 540 ? " (NIfTI-2 is not supported)" : ""));
            }
        }
        String magic = new String(bytes, 344, 3, StandardCharsets.US_ASCII);
        if (magic.equals("ni1")) {
            throw new ImageInputException(file, "magic", Reason.UNSUPPORTED,
                    "header/image pair (.hdr/.img) is not supported, only single-file .nii");
        }
        if (!magic.equals("n+1")) {
            throw new ImageInputException(file, "magic", Reason.NOT_RECOGNISED, "expected \"n+1\", found \"" + printable(magic) + "\"");
        }

        short[] dim = new short[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = h.getShort(40 + 2 * i);
        }
        int ndim = dim[0];
        if (ndim < 1 || ndim > 7) {
            throw new ImageInputException(file, "dim[0]", Reason.MISSING_FIELD, "number of dimensions must be 1..7, found " + ndim);
        }
        int[] n = {1, 1, 1};
        for (int i = 1; i <= ndim; i++) {
            if (dim[i] < 1) {
                throw new ImageInputException(file, "dim[" + i + "]", Reason.MISSING_FIELD, "size must be positive, found " + dim[i]);
            }
            if (i <= 3) {
                n[i - 1] = dim[i];
            } else if (dim[i] != 1) {
                throw new ImageInputException(file, "dim[" + i + "]", Reason.UNSUPPORTED,
                        "only 3D images are read; dimension " + i + " has size " + dim[i]);
            }
        }
        int datatype = h.getShort(70);
        VoxelType type = switch (datatype) {
            case 2 -> VoxelType.UINT8;
            case 4 -> VoxelType.INT16;
            case 8 -> VoxelType.INT32;
            case 16 -> VoxelType.FLOAT32;
            case 64 -> VoxelType.FLOAT64;
            case 256 -> VoxelType.INT8;
            case 512 -> VoxelType.UINT16;
            case 768 -> VoxelType.UINT32;
            case 1024 -> VoxelType.INT64;
            case 1280 -> VoxelType.UINT64;
            default -> throw new ImageInputException(file, "datatype", Reason.UNSUPPORTED,
                    "datatype code " + datatype + " is not a supported scalar type");
        };
        float[] pixdim = new float[8];
        for (int i = 0; i < 8; i++) {
            pixdim[i] = h.getFloat(76 + 4 * i);
        }
        double[] spacing = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = Math.abs(pixdim[i + 1]);
            if (i >= ndim && (s == 0 || !Double.isFinite(s))) {
                s = 1; // a 2D image has no meaningful pixdim[3]
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new ImageInputException(file, "pixdim[" + (i + 1) + "]", Reason.INCONSISTENT_GEOMETRY,
                        "voxel size must be positive and finite, found " + pixdim[i + 1]);
            }
            spacing[i] = s;
        }
        float voxOffset = h.getFloat(108);
        double slope = h.getFloat(112);
        double inter = h.getFloat(116);
        int qformCode = h.getShort(252);
        int sformCode = h.getShort(254);

        double[] rot = null;
        double[] origin = null;
        if (sformCode > 0) {
            double[] s = new double[12];
            for (int i = 0; i < 12; i++) {
                s[i] = h.getFloat(280 + 4 * i);
            }
            double[] r = {s[0], s[1], s[2], s[4], s[5], s[6], s[8], s[9], s[10]};
            for (int c = 0; c < 3; c++) {
                double norm = Math.sqrt(r[c] * r[c] + r[3 + c] * r[3 + c] + r[6 + c] * r[6 + c]);
                if (!(norm > 0)) {
                    r = null;
                    break;
                }
                r[c] /= norm;
                r[3 + c] /= norm;
                r[6 + c] /= norm;
            }
            // ITK accepts the sform only when it decomposes into rotation x scaling (no shear)
            if (r != null && ImageFiles.isOrthonormal(r, 1e-4)) {
                rot = r;
                origin = new double[] {s[3], s[7], s[11]};
            } else if (qformCode <= 0) {
                throw new ImageInputException(file, "srow_x/srow_y/srow_z", Reason.INCONSISTENT_GEOMETRY,
                        "sform is not a rotation with scaling (shear or zero column) and there is no qform to fall back to");
            }
        }
        if (rot == null && qformCode > 0) {
            double b = h.getFloat(256);
            double c = h.getFloat(260);
            double d = h.getFloat(264);
            double aa = 1.0 - (b * b + c * c + d * d);
            double a;
            if (aa < 1e-7) { // nifti1_io: a = 0 and renormalise (b,c,d)
                double norm = Math.sqrt(b * b + c * c + d * d);
                b /= norm;
                c /= norm;
                d /= norm;
                a = 0;
            } else {
                a = Math.sqrt(aa);
            }
            double qfac = pixdim[0] < 0 ? -1 : 1;
            rot = new double[] {
                a * a + b * b - c * c - d * d, 2 * (b * c - a * d), qfac * 2 * (b * d + a * c),
                2 * (b * c + a * d), a * a + c * c - b * b - d * d, qfac * 2 * (c * d - a * b),
                2 * (b * d - a * c), 2 * (c * d + a * b), qfac * (a * a + d * d - c * c - b * b),
            };
            origin = new double[] {h.getFloat(268), h.getFloat(272), h.getFloat(276)};
        }
        if (rot == null) {
            rot = new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
            origin = new double[3];
        }
        // RAS -> LPS: negate the x and y rows
        double[] direction = rot.clone();
        for (int c = 0; c < 6; c++) {
            direction[c] = -direction[c];
        }
        direction = cleanZeros(direction);
        origin = cleanZeros(new double[] {-origin[0], -origin[1], origin[2]});
        for (double o : origin) {
            if (!Double.isFinite(o)) {
                throw new ImageInputException(file, sformCode > 0 ? "srow" : "qoffset", Reason.INCONSISTENT_GEOMETRY,
                        "origin is not finite");
            }
        }
        Geometry geometry = new Geometry(n[0], n[1], n[2], spacing, origin, direction);

        long offset = (long) Math.floor(voxOffset);
        if (offset < HEADER_SIZE) {
            throw new ImageInputException(file, "vox_offset", Reason.MISSING_FIELD,
                    "must be at least 348 for a single-file NIfTI, found " + voxOffset);
        }
        long needed = offset + (long) geometry.voxelCount() * type.bytes;
        if (bytes.length < needed) {
            throw new ImageInputException(file, "voxel data", Reason.TRUNCATED,
                    "needs " + needed + " bytes (vox_offset " + offset + " + " + geometry.voxelCount() + " voxels x "
                            + type.bytes + " bytes), file has " + bytes.length);
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) offset, bytes.length - (int) offset).order(h.order());
        boolean scale = slope != 0 && Double.isFinite(slope) && !(slope == 1 && inter == 0);
        if (scale && !Double.isFinite(inter)) {
            throw new ImageInputException(file, "scl_inter", Reason.NON_FINITE_VALUE, "intercept is " + inter);
        }
        float[] voxels = new float[geometry.voxelCount()];
        for (int i = 0; i < voxels.length; i++) {
            double v = type.read(data);
            voxels[i] = (float) (scale ? slope * v + inter : v);
        }
        return new Volume(geometry, voxels);
    }

    /** Turns −0.0 into 0.0 so equal geometries compare equal. */
    private static double[] cleanZeros(double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 0) {
                a[i] = 0.0;
            }
        }
        return a;
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
