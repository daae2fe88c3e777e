package org.radstream.imaging.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/** Small file helpers shared by the readers. */
final class ImageFiles {
    private ImageFiles() {
    }

    static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
    }

    /** Whole file, gunzipped when it starts with the gzip magic number (whatever its extension). */
    static byte[] readMaybeGzipped(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        return isGzip(raw) ? gunzip(file, "gzip stream", raw, 0) : raw;
    }

    static byte[] gunzip(Path file, String field, byte[] raw, int offset) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw, offset, raw.length - offset))) {
            return in.readAllBytes();
        } catch (java.io.EOFException e) {
            throw new ImageInputException(file, field, Reason.TRUNCATED, "gzip data ends early", e);
        } catch (ZipException e) {
            throw new ImageInputException(file, field, Reason.NOT_RECOGNISED, "corrupt gzip data: " + e.getMessage(), e);
        }
    }

    /**
     * The image as a label map; every voxel value must be an integer (0 = background), otherwise the
     * error names the file, {@code field} and the first offending voxel.
     */
    static LabelMap labelMap(Path file, String field, Volume image) throws ImageInputException {
        float[] voxels = image.voxels();
        int[] labels = new int[voxels.length];
        for (int i = 0; i < labels.length; i++) {
            float v = voxels[i];
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new ImageInputException(file, field, Reason.UNSUPPORTED,
                        "label image has non-integer value " + v + " at voxel index " + i);
            }
            labels[i] = (int) v;
        }
        return new LabelMap(image.geometry(), labels);
    }

    /** Orthonormal columns check for a row-major 3x3 matrix. */
    static boolean isOrthonormal(double[] d, double tol) {
        for (int a = 0; a < 3; a++) {
            for (int b = a; b < 3; b++) {
                double dot = d[a] * d[b] + d[3 + a] * d[3 + b] + d[6 + a] * d[6 + b];
                if (Math.abs(dot - (a == b ? 1 : 0)) > tol) {
                    return false;
                }
            }
        }
        return true;
    }
}
