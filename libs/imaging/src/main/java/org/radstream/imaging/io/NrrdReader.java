package org.radstream.imaging.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/**
 * Reads 3D scalar NRRD images (as written by 3D Slicer and ITK) into a {@link Volume} or {@link LabelMap}.
 *
 * <p>Supported: attached or detached ({@code data file}) data; encodings {@code raw}, {@code gzip}
 * ({@code gz}) and {@code ascii} ({@code text}); {@code endian}; {@code byte skip} (including −1 for raw)
 * and {@code line skip}; every scalar {@code type}. Geometry: {@code space directions} and
 * {@code space origin} in {@code space} left-posterior-superior, right-anterior-superior or
 * left-anterior-superior; spacing = length of each direction vector, direction = the unit vector;
 * vectors given in RAS or LAS are turned into LPS by negating the components that differ. Without a
 * {@code space} field, {@code spacings} (default 1) and an identity direction are used, as ITK does.
 *
 * <p>Reference: NRRD format 5, http://teem.sourceforge.net/nrrd/format.html.
 */
public final class NrrdReader {

    private NrrdReader() {
    }

    public static Volume readVolume(Path file) throws IOException {
        return parse(file);
    }

    /** A label image; every voxel must hold an integer value (0 = background). */
    public static LabelMap readLabelMap(Path file) throws IOException {
        return ImageFiles.labelMap(file, "data", parse(file));
    }

    private static Volume parse(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 8 || !new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("NRRD")) {
            throw new ImageInputException(file, "magic", Reason.NOT_RECOGNISED, "file does not start with \"NRRD000x\"");
        }
        // header: lines up to the first empty line
        Map<String, String> fields = new LinkedHashMap<>();
        int pos = 0;
        int dataStart = -1;
        boolean first = true;
        while (pos < bytes.length) {
            int end = pos;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String line = new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            pos = Math.min(end + 1, bytes.length);
            if (first) {
                first = false;
                continue;
            }
            if (line.isEmpty()) {
                dataStart = pos;
                break;
            }
            if (line.startsWith("#") || line.contains(":=")) {
                continue; // comment or key/value pair
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new ImageInputException(file, "header line", Reason.NOT_RECOGNISED,
                        "expected \"field: value\", found \"" + line.replaceAll("[^\\x20-\\x7e]", "?") + "\"");
            }
            fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 2).trim());
        }

        int dimension = parseInt(file, "dimension", require(file, fields, "dimension"));
        if (dimension < 2 || dimension > 3) {
            throw new ImageInputException(file, "dimension", Reason.UNSUPPORTED, "only 2D and 3D scalar images are read, found " + dimension);
        }
        String[] sizeText = require(file, fields, "sizes").split("\\s+");
        if (sizeText.length != dimension) {
            throw new ImageInputException(file, "sizes", Reason.MISSING_FIELD, "expected " + dimension + " sizes, found " + sizeText.length);
        }
        int[] n = {1, 1, 1};
        for (int i = 0; i < dimension; i++) {
            n[i] = parseInt(file, "sizes", sizeText[i]);
            if (n[i] < 1) {
                throw new ImageInputException(file, "sizes", Reason.MISSING_FIELD, "sizes must be positive, found " + n[i]);
            }
        }
        VoxelType type = type(file, require(file, fields, "type"));

        double[] spacing = {1, 1, 1};
        double[] direction = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] origin = new double[3];
        String space = fields.getOrDefault("space", null);
        if (space != null) {
            double[] flip = switch (space.toLowerCase(Locale.ROOT)) {
                case "left-posterior-superior", "lps" -> new double[] {1, 1, 1};
                case "right-anterior-superior", "ras" -> new double[] {-1, -1, 1};
                case "left-anterior-superior", "las" -> new double[] {1, -1, 1};
                default -> throw new ImageInputException(file, "space", Reason.UNSUPPORTED,
                        "\"" + space + "\" is not one of left-posterior-superior, right-anterior-superior, left-anterior-superior");
            };
            String[] vectors = require(file, fields, "space directions").trim().split("\\)\\s*");
            if (vectors.length != dimension) {
                throw new ImageInputException(file, "space directions", Reason.MISSING_FIELD,
                        "expected " + dimension + " vectors, found " + vectors.length);
            }
            for (int axis = 0; axis < dimension; axis++) {
                double[] v = vector(file, "space directions", vectors[axis] + ")");
                double len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                if (!(len > 0) || !Double.isFinite(len)) {
                    throw new ImageInputException(file, "space directions", Reason.INCONSISTENT_GEOMETRY,
                            "axis " + axis + " has a zero or non-finite direction vector");
                }
                spacing[axis] = len;
                for (int r = 0; r < 3; r++) {
                    direction[3 * r + axis] = flip[r] * v[r] / len + 0.0;
                }
            }
            if (dimension == 2) { // complete a right-handed frame
                direction[2] = direction[3] * direction[7] - direction[6] * direction[4];
                direction[5] = direction[6] * direction[1] - direction[0] * direction[7];
                direction[8] = direction[0] * direction[4] - direction[3] * direction[1];
            }
            if (!ImageFiles.isOrthonormal(direction, 1e-4)) {
                throw new ImageInputException(file, "space directions", Reason.INCONSISTENT_GEOMETRY,
                        "axes are not orthogonal (sheared grids are not supported)");
            }
            String o = fields.get("space origin");
            if (o != null) {
                double[] v = vector(file, "space origin", o);
                for (int r = 0; r < 3; r++) {
                    origin[r] = flip[r] * v[r] + 0.0;
                }
            }
        } else if (fields.containsKey("spacings")) {
            String[] s = fields.get("spacings").split("\\s+");
            for (int i = 0; i < Math.min(dimension, s.length); i++) {
                if (!s[i].equalsIgnoreCase("nan")) {
                    spacing[i] = Math.abs(parseDouble(file, "spacings", s[i]));
                }
            }
        }
        Geometry geometry;
        try {
            geometry = new Geometry(n[0], n[1], n[2], spacing, origin, direction);
        } catch (IllegalArgumentException e) {
            throw new ImageInputException(file, "space directions", Reason.INCONSISTENT_GEOMETRY, e.getMessage(), e);
        }

        // locate the data
        Path dataFile = file;
        byte[] data = bytes;
        int offset = dataStart;
        String detached = fields.containsKey("data file") ? fields.get("data file") : fields.get("datafile");
        if (detached != null) {
            if (detached.startsWith("LIST") || detached.contains("%")) {
                throw new ImageInputException(file, "data file", Reason.UNSUPPORTED, "multi-file data (" + detached + ") is not supported");
            }
            dataFile = file.resolveSibling(detached);
            if (!Files.isRegularFile(dataFile)) {
                throw new ImageInputException(file, "data file", Reason.MISSING_FIELD, "detached data file " + dataFile + " does not exist");
            }
            data = Files.readAllBytes(dataFile);
            offset = 0;
        } else if (offset < 0) {
            throw new ImageInputException(file, "header", Reason.TRUNCATED, "no blank line ends the header and there is no data file");
        }
        int lineSkip = fields.containsKey("line skip") ? parseInt(file, "line skip", fields.get("line skip")) : 0;
        for (int i = 0; i < lineSkip; i++) {
            while (offset < data.length && data[offset] != '\n') {
                offset++;
            }
            offset++;
        }
        int byteSkip = fields.containsKey("byte skip") ? parseInt(file, "byte skip", fields.get("byte skip")) : 0;
        String encoding = require(file, fields, "encoding").toLowerCase(Locale.ROOT);
        int count = geometry.voxelCount();
        float[] voxels = new float[count];
        switch (encoding) {
            case "raw", "gzip", "gz" -> {
                if (!encoding.equals("raw")) {
                    data = ImageFiles.gunzip(dataFile, "encoding (gzip data)", data, Math.min(offset, data.length));
                    offset = 0;
                }
                long needed = (long) count * type.bytes;
                if (byteSkip == -1) {
                    if (!encoding.equals("raw") && data.length < needed) {
                        throw truncated(dataFile, needed, data.length);
                    }
                    offset = (int) Math.max(0, data.length - needed);
                } else {
                    offset += byteSkip;
                }
                if (data.length - (long) offset < needed) {
                    throw truncated(dataFile, needed, Math.max(0, data.length - offset));
                }
                ByteOrder order = ByteOrder.LITTLE_ENDIAN;
                if (type.bytes > 1) {
                    String endian = require(file, fields, "endian").toLowerCase(Locale.ROOT);
                    order = switch (endian) {
                        case "little" -> ByteOrder.LITTLE_ENDIAN;
                        case "big" -> ByteOrder.BIG_ENDIAN;
                        default -> throw new ImageInputException(file, "endian", Reason.UNSUPPORTED, "expected little or big, found " + endian);
                    };
                }
                ByteBuffer b = ByteBuffer.wrap(data, offset, data.length - offset).order(order);
                for (int i = 0; i < count; i++) {
                    voxels[i] = (float) type.read(b);
                }
            }
            case "ascii", "text", "txt" -> {
                String[] tokens = new String(data, offset, data.length - offset, StandardCharsets.US_ASCII).trim().split("[\\s,]+");
                if (tokens.length < count || tokens[0].isEmpty()) {
                    throw new ImageInputException(dataFile, "data", Reason.TRUNCATED,
                            "ascii data has " + (tokens[0].isEmpty() ? 0 : tokens.length) + " values, sizes need " + count);
                }
                for (int i = 0; i < count; i++) {
                    voxels[i] = (float) parseDouble(dataFile, "data", tokens[i]);
                }
            }
            default -> throw new ImageInputException(file, "encoding", Reason.UNSUPPORTED,
                    "\"" + encoding + "\" is not supported (raw, gzip, ascii are)");
        }
        return new Volume(geometry, voxels);
    }

    private static ImageInputException truncated(Path file, long needed, long have) {
        return new ImageInputException(file, "data", Reason.TRUNCATED, "needs " + needed + " bytes of voxel data, found " + have);
    }

    private static VoxelType type(Path file, String t) throws ImageInputException {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "signed char", "int8", "int8_t" -> VoxelType.INT8;
            case "uchar", "unsigned char", "uint8", "uint8_t" -> VoxelType.UINT8;
            case "short", "short int", "signed short", "signed short int", "int16", "int16_t" -> VoxelType.INT16;
            case "ushort", "unsigned short", "unsigned short int", "uint16", "uint16_t" -> VoxelType.UINT16;
            case "int", "signed int", "int32", "int32_t" -> VoxelType.INT32;
            case "uint", "unsigned int", "uint32", "uint32_t" -> VoxelType.UINT32;
            case "longlong", "long long", "long long int", "signed long long", "signed long long int", "int64", "int64_t" -> VoxelType.INT64;
            case "ulonglong", "unsigned long long", "unsigned long long int", "uint64", "uint64_t" -> VoxelType.UINT64;
            case "float" -> VoxelType.FLOAT32;
            case "double" -> VoxelType.FLOAT64;
            default -> throw new ImageInputException(file, "type", Reason.UNSUPPORTED, "\"" + t + "\" is not a supported scalar type");
        };
    }

    private static String require(Path file, Map<String, String> fields, String name) throws ImageInputException {
        String v = fields.get(name);
        if (v == null || v.isEmpty()) {
            throw new ImageInputException(file, name, Reason.MISSING_FIELD, "required field is missing");
        }
        return v;
    }

    private static double[] vector(Path file, String field, String text) throws ImageInputException {
        String t = text.trim();
        if (!t.startsWith("(") || !t.endsWith(")")) {
            throw new ImageInputException(file, field, Reason.MISSING_FIELD, "expected \"(x,y,z)\", found \"" + t + "\"");
        }
        String[] parts = t.substring(1, t.length() - 1).split(",");
        if (parts.length != 3) {
            throw new ImageInputException(file, field, Reason.UNSUPPORTED, "expected a 3D vector, found \"" + t + "\"");
        }
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            v[i] = parseDouble(file, field, parts[i].trim());
        }
        return v;
    }

    private static int parseInt(Path file, String field, String s) throws ImageInputException {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new ImageInputException(file, field, Reason.MISSING_FIELD, "not an integer: \"" + s + "\"", e);
        }
    }

    private static double parseDouble(Path file, String field, String s) throws ImageInputException {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new ImageInputException(file, field, Reason.MISSING_FIELD, "not a number: \"" + s + "\"", e);
        }
    }
}
