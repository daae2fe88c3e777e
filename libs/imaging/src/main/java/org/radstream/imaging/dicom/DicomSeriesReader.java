package org.radstream.imaging.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.Volume;

/**
 * Reads DICOM MR series into {@link Volume}s with PixelMed.
 *
 * <p>{@link #scan} reads headers only (up to Pixel Data) of the given files, or of every file under
 * the given directories (recursively), and groups them by SeriesInstanceUID into {@link DicomSeries}.
 * {@link #read} then decodes the pixels of one series: uncompressed (implicit/explicit, little/big
 * endian, deflated), RLE Lossless, JPEG lossless and baseline (pixelmed-imageio) and JPEG 2000
 * (jai-imageio-jpeg2000). JPEG-LS and video syntaxes are rejected.
 *
 * <p>Volume geometry follows ITK's DICOM series reading: the slice normal is
 * {@code n = r × c} of ImageOrientationPatient's row (r) and column (c) cosines; planes are sorted by
 * {@code ImagePositionPatient · n}; origin = position of the first plane; spacing =
 * (PixelSpacing[1], PixelSpacing[0], mean distance between planes); direction columns = (r, c, n).
 * A single plane takes SpacingBetweenSlices, else SliceThickness, else 1 mm as its depth.
 * Stored values are masked to BitsStored (sign-extended if PixelRepresentation = 1) and rescaled
 * per plane: {@code value = RescaleSlope · stored + RescaleIntercept}.
 *
 * <p>Rejected, as {@link ImageInputException}: not a Part-10 file or truncated; unsupported transfer
 * syntax; modality other than MR; missing geometry; mixed orientations, pixel spacings or matrix
 * sizes; duplicate positions; irregular slice spacing (more than 1% of the mean, or 1 µm); planes not
 * stacked along the normal (gantry tilt); NaN or infinite values after rescale.
 */
public final class DicomSeriesReader {

    /** Transfer syntaxes whose pixel data PixelMed (with the codecs on the classpath) decodes. */
    static final Set<String> SUPPORTED_TRANSFER_SYNTAXES = Set.of(
            "1.2.840.10008.1.2", // implicit VR little endian
            "1.2.840.10008.1.2.1", // explicit VR little endian
            "1.2.840.10008.1.2.1.99", // deflated explicit VR little endian
            "1.2.840.10008.1.2.2", // explicit VR big endian
            "1.2.840.10008.1.2.5", // RLE lossless
            "1.2.840.10008.1.2.4.50", // JPEG baseline
            "1.2.840.10008.1.2.4.51", // JPEG extended
            "1.2.840.10008.1.2.4.57", // JPEG lossless
            "1.2.840.10008.1.2.4.70", // JPEG lossless SV1
            "1.2.840.10008.1.2.4.90", // JPEG 2000 lossless
            "1.2.840.10008.1.2.4.91"); // JPEG 2000

    /** Relative tolerance on slice-gap regularity. */
    static final double SPACING_TOLERANCE = 0.01;

    private DicomSeriesReader() {
    }

    /**
     * Reads the headers of the given files and of all files under the given directories. Explicitly
     * named files must be DICOM; files found while walking a directory that are not Part-10 DICOM
     * (no "DICM" prefix, no ".dcm" name) are returned in {@link DicomScan#ignored()}.
     */
    public static DicomScan scan(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Path> ignored = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(in)) {
                    found = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : found) {
                    String name = f.getFileName().toString();
                    if (hasDicmPrefix(f) || name.toLowerCase(java.util.Locale.ROOT).endsWith(".dcm")) {
                        files.add(f);
                    } else {
                        ignored.add(f);
                    }
                }
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                throw new java.nio.file.NoSuchFileException(in.toString());
            }
        }
        Map<String, List<Header>> bySeries = new LinkedHashMap<>();
        for (Path f : files) {
            Header h = readHeader(f);
            bySeries.computeIfAbsent(h.seriesUid, k -> new ArrayList<>()).add(h);
        }
        List<DicomSeries> series = new ArrayList<>();
        for (List<Header> hs : bySeries.values()) {
            series.add(describe(hs));
        }
        series.sort(Comparator.comparing(DicomSeries::studyInstanceUid).thenComparingInt(DicomSeries::seriesNumber)
                .thenComparing(DicomSeries::seriesInstanceUid));
        return new DicomScan(series, ignored);
    }

    public static DicomScan scan(Path... inputs) throws IOException {
        return scan(List.of(inputs));
    }

    /**
     * Scans the inputs and reads the one MR image series found (SEG, RTSTRUCT and other non-MR objects
     * beside it are ignored); fails with NON_MR_MODALITY if there is no MR series and NOT_ONE_SERIES if
     * there are several.
     */
    public static SeriesVolume readSingleSeries(Path... inputs) throws IOException {
        DicomScan scan = scan(inputs);
        List<DicomSeries> mr = scan.series().stream().filter(s -> "MR".equals(s.modality())).toList();
        if (mr.isEmpty()) {
            throw new ImageInputException(inputs[0], "Modality", scan.series().isEmpty() ? Reason.NOT_ONE_SERIES : Reason.NON_MR_MODALITY,
                    "no MR series found (modalities: " + scan.series().stream().map(DicomSeries::modality).distinct().toList() + ")");
        }
        if (mr.size() > 1) {
            throw new ImageInputException(inputs[0], "SeriesInstanceUID", Reason.NOT_ONE_SERIES,
                    "expected one MR series, found " + mr.size() + ": "
                            + mr.stream().map(s -> s.seriesNumber() + " \"" + s.seriesDescription() + "\"").toList());
        }
        return read(mr.get(0));
    }

    /** Decodes, sorts and rescales the planes of an MR series into a volume. */
    public static SeriesVolume read(DicomSeries series) throws IOException {
        Path first = series.frames().isEmpty() ? null : series.frames().get(0).file();
        if (!"MR".equals(series.modality())) {
            throw new ImageInputException(first, "Modality", Reason.NON_MR_MODALITY,
                    "series modality is \"" + series.modality() + "\", only MR images are read");
        }
        SortedPlanes sorted = sortPlanes(series);
        Geometry g = sorted.geometry;
        int plane = g.nx() * g.ny();
        float[] voxels = new float[g.voxelCount()];
        // decode each file once, even when it holds several frames
        Map<Path, List<Integer>> slicesByFile = new LinkedHashMap<>();
        for (int k = 0; k < sorted.frames.size(); k++) {
            slicesByFile.computeIfAbsent(sorted.frames.get(k).file(), p -> new ArrayList<>()).add(k);
        }
        for (Map.Entry<Path, List<Integer>> e : slicesByFile.entrySet()) {
            Path file = e.getKey();
            PixelSource px = decode(file);
            for (int k : e.getValue()) {
                DicomFrame f = sorted.frames.get(k);
                px.copyFrame(f.frameIndex(), f.rescaleSlope(), f.rescaleIntercept(), voxels, k * plane);
            }
        }
        return new SeriesVolume(series, new Volume(g, voxels), sorted.frames);
    }

    /** Geometry and plane order of a series, without decoding pixels. */
    public static Geometry geometry(DicomSeries series) throws ImageInputException {
        return sortPlanes(series).geometry;
    }

    /**
     * Rescaled pixel values of every frame of one file, frames one after another, rows of
     * {@code Columns} values; for files without usable geometry (e.g. a geometry-less enhanced MR).
     */
    public static float[] readFrames(Path file) throws IOException {
        Header h = readHeader(file);
        DicomSeries s = describe(List.of(h));
        PixelSource px = decode(file);
        int plane = px.rows * px.columns;
        float[] out = new float[plane * px.frames];
        for (int i = 0; i < px.frames; i++) {
            DicomFrame f = s.frames().get(i);
            px.copyFrame(i, f.rescaleSlope(), f.rescaleIntercept(), out, i * plane);
        }
        return out;
    }

    /** The Modality (0008,0060) of a Part-10 file, reading its header only. */
    public static String modality(Path file) throws IOException {
        return Attrs.string(readAttributes(file, false), TagFromName.Modality);
    }

    // ---------------------------------------------------------------- headers

    private record Header(Path file, AttributeList list, String seriesUid, String transferSyntax) {
    }

    static boolean hasDicmPrefix(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] b = in.readNBytes(132);
            return b.length == 132 && new String(b, 128, 4, StandardCharsets.US_ASCII).equals("DICM");
        }
    }

    /** Reads a Part-10 file's attributes up to (not including) Pixel Data. */
    static AttributeList readAttributes(Path file, boolean withPixels) throws IOException {
        if (!hasDicmPrefix(file)) {
            throw new ImageInputException(file, "preamble", Reason.NOT_RECOGNISED,
                    "not a DICOM Part-10 file (no \"DICM\" after the 128-byte preamble)");
        }
        AttributeList l = new AttributeList();
        long size = Files.size(file);
        try {
            long consumed = withPixels ? l.read(file.toFile()) : l.read(file.toFile(), TagFromName.PixelData);
            // PixelMed stops quietly at an unexpected end of file: an image must reach its Pixel Data, any
            // object must at least carry its SOP Class and Series Instance UIDs
            boolean reachedEnd = consumed >= size;
            boolean noPixels = l.get(TagFromName.PixelData) == null;
            if (withPixels ? noPixels && l.get(TagFromName.Rows) != null
                    : reachedEnd && noPixels && (l.get(TagFromName.Rows) != null || l.get(TagFromName.SOPClassUID) == null
                            || l.get(TagFromName.SeriesInstanceUID) == null)) {
                throw new ImageInputException(file, withPixels ? "PixelData" : "dataset", Reason.TRUNCATED,
                        "file ends after " + consumed + " bytes, before " + (withPixels || l.get(TagFromName.Rows) != null
                                ? "the complete Pixel Data" : "the required attributes"));
            }
        } catch (EOFException e) {
            throw new ImageInputException(file, "dataset", Reason.TRUNCATED, "file ends inside an attribute", e);
        } catch (DicomException e) {
            throw new ImageInputException(file, "dataset", Reason.NOT_RECOGNISED, "cannot parse DICOM: " + e.getMessage(), e);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            Reason r = m.contains("No reader") ? Reason.UNSUPPORTED : Reason.TRUNCATED;
            throw new ImageInputException(file, withPixels ? "PixelData" : "dataset", r, "cannot read: " + m, e);
        } catch (RuntimeException e) {
            throw new ImageInputException(file, "dataset", Reason.NOT_RECOGNISED, "cannot parse DICOM: " + e, e);
        }
        return l;
    }

    private static Header readHeader(Path file) throws IOException {
        AttributeList l = readAttributes(file, false);
        String ts = Attrs.string(l, TagFromName.TransferSyntaxUID);
        if (l.get(TagFromName.Rows) != null && !SUPPORTED_TRANSFER_SYNTAXES.contains(ts)) {
            throw new ImageInputException(file, "TransferSyntaxUID", Reason.UNSUPPORTED,
                    "transfer syntax " + ts + (ts.startsWith("1.2.840.10008.1.2.4.8") ? " (JPEG-LS)" : "")
                            + " cannot be decoded");
        }
        String series = Attrs.string(l, TagFromName.SeriesInstanceUID);
        if (series.isEmpty()) {
            throw new ImageInputException(file, "SeriesInstanceUID", Reason.MISSING_FIELD, "absent or empty");
        }
        return new Header(file, l, series, ts);
    }

    private static DicomSeries describe(List<Header> headers) {
        Header h0 = headers.get(0);
        AttributeList l0 = h0.list;
        List<DicomFrame> frames = new ArrayList<>();
        for (Header h : headers) {
            frames.addAll(frames(h));
        }
        LocalTime earliest = frames.stream().map(DicomFrame::acquisitionTime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return new DicomSeries(Attrs.string(l0, TagFromName.StudyInstanceUID), h0.seriesUid,
                Attrs.string(l0, TagFromName.FrameOfReferenceUID), Attrs.string(l0, TagFromName.Modality),
                Attrs.string(l0, TagFromName.SOPClassUID), Attrs.integer(l0, TagFromName.SeriesNumber, 0),
                Attrs.string(l0, TagFromName.SeriesDescription), Attrs.string(l0, TagFromName.ProtocolName),
                Attrs.string(l0, TagFromName.ContrastBolusAgent), Attrs.string(l0, TagFromName.Manufacturer),
                Attrs.scalar(l0, Tags.MAGNETIC_FIELD_STRENGTH, Double.NaN), earliest, h0.transferSyntax, frames);
    }

    /** Image planes of one file, resolving enhanced multi-frame functional groups (PS3.3 C.7.6.16). */
    private static List<DicomFrame> frames(Header h) {
        AttributeList l = h.list;
        if (l.get(TagFromName.Rows) == null) {
            return List.of(); // not an image (e.g. RT Structure Set)
        }
        int rows = Attrs.integer(l, TagFromName.Rows, 0);
        int cols = Attrs.integer(l, TagFromName.Columns, 0);
        int n = Math.max(1, Attrs.integer(l, TagFromName.NumberOfFrames, 1));
        String sop = Attrs.string(l, TagFromName.SOPInstanceUID);
        int instance = Attrs.integer(l, TagFromName.InstanceNumber, 0);
        AttributeList shared = Attrs.item(l, TagFromName.SharedFunctionalGroupsSequence);
        int perFrameItems = Attrs.items(l, TagFromName.PerFrameFunctionalGroupsSequence);
        List<DicomFrame> out = new ArrayList<>(n);
        LocalTime topTime = Attrs.time(Attrs.string(l, TagFromName.AcquisitionTime));
        if (topTime == null) {
            topTime = Attrs.time(Attrs.string(l, TagFromName.AcquisitionDateTime));
        }
        for (int i = 0; i < n; i++) {
            AttributeList pf = perFrameItems > i ? Attrs.item(l, TagFromName.PerFrameFunctionalGroupsSequence, i) : null;
            if (shared == null && pf == null) {
                double[] ps = Attrs.doubles(l, TagFromName.PixelSpacing);
                out.add(new DicomFrame(h.file, i, sop, instance, rows, cols,
                        len(Attrs.doubles(l, TagFromName.ImagePositionPatient), 3),
                        len(Attrs.doubles(l, TagFromName.ImageOrientationPatient), 6), len(ps, 2),
                        Attrs.scalar(l, TagFromName.SliceThickness, Double.NaN),
                        Attrs.scalar(l, TagFromName.SpacingBetweenSlices, Double.NaN),
                        Attrs.scalar(l, TagFromName.RescaleSlope, 1), Attrs.scalar(l, TagFromName.RescaleIntercept, 0),
                        topTime));
            } else {
                AttributeList pos = group(pf, shared, TagFromName.PlanePositionSequence);
                AttributeList ori = group(pf, shared, TagFromName.PlaneOrientationSequence);
                AttributeList meas = group(pf, shared, TagFromName.PixelMeasuresSequence);
                AttributeList pvt = group(pf, shared, TagFromName.PixelValueTransformationSequence);
                AttributeList content = group(pf, shared, TagFromName.FrameContentSequence);
                LocalTime t = Attrs.time(Attrs.string(content, TagFromName.FrameAcquisitionDateTime));
                out.add(new DicomFrame(h.file, i, sop, instance, rows, cols,
                        len(Attrs.doubles(pos, TagFromName.ImagePositionPatient), 3),
                        len(Attrs.doubles(ori, TagFromName.ImageOrientationPatient), 6),
                        len(Attrs.doubles(meas, TagFromName.PixelSpacing), 2),
                        Attrs.scalar(meas, TagFromName.SliceThickness, Double.NaN),
                        Attrs.scalar(meas, TagFromName.SpacingBetweenSlices, Double.NaN),
                        Attrs.scalar(pvt, TagFromName.RescaleSlope, 1), Attrs.scalar(pvt, TagFromName.RescaleIntercept, 0),
                        t != null ? t : topTime));
            }
        }
        return out;
    }

    /** A functional group macro: per-frame item first, then shared. */
    private static AttributeList group(AttributeList perFrame, AttributeList shared, com.pixelmed.dicom.AttributeTag seq) {
        AttributeList a = Attrs.item(perFrame, seq);
        return a != null ? a : Attrs.item(shared, seq);
    }

    private static double[] len(double[] v, int n) {
        return v != null && v.length == n ? v : null;
    }

    // ---------------------------------------------------------------- geometry

    private record SortedPlanes(Geometry geometry, List<DicomFrame> frames) {
    }

    private static SortedPlanes sortPlanes(DicomSeries series) throws ImageInputException {
        List<DicomFrame> frames = series.frames();
        if (frames.isEmpty()) {
            throw new ImageInputException(null, "PixelData", Reason.MISSING_FIELD,
                    "series " + series.seriesInstanceUid() + " has no image planes");
        }
        for (DicomFrame f : frames) {
            String missing = f.position() == null ? "ImagePositionPatient (0020,0032)"
                    : f.orientation() == null ? "ImageOrientationPatient (0020,0037)"
                    : f.pixelSpacing() == null ? "PixelSpacing (0028,0030)" : null;
            if (missing != null) {
                throw new ImageInputException(f.file(), missing, Reason.INCONSISTENT_GEOMETRY,
                        "absent for frame " + (f.frameIndex() + 1) + ", the plane cannot be placed in patient space");
            }
        }
        DicomFrame ref = frames.get(0);
        double[] o = ref.orientation();
        double[] r = unit(o[0], o[1], o[2]);
        double[] c = unit(o[3], o[4], o[5]);
        if (r == null || c == null || Math.abs(dot(r, c)) > 1e-3) {
            throw new ImageInputException(ref.file(), "ImageOrientationPatient (0020,0037)", Reason.INCONSISTENT_GEOMETRY,
                    "row and column cosines are not orthogonal unit vectors");
        }
        double[] n = unit(r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]);
        double[] ps = ref.pixelSpacing();
        for (DicomFrame f : frames) {
            if (f.rows() != ref.rows() || f.columns() != ref.columns()) {
                throw new ImageInputException(f.file(), "Rows/Columns", Reason.INCONSISTENT_GEOMETRY,
                        "matrix " + f.columns() + "x" + f.rows() + " differs from " + ref.columns() + "x" + ref.rows()
                                + " of the rest of the series");
            }
            double[] fo = f.orientation();
            for (int i = 0; i < 6; i++) {
                if (Math.abs(fo[i] - o[i]) > 1e-4) {
                    throw new ImageInputException(f.file(), "ImageOrientationPatient (0020,0037)", Reason.INCONSISTENT_GEOMETRY,
                            "mixed orientations in one series (frame " + (f.frameIndex() + 1) + " differs from the first plane)");
                }
            }
            double[] fp = f.pixelSpacing();
            if (Math.abs(fp[0] - ps[0]) > 1e-4 * ps[0] || Math.abs(fp[1] - ps[1]) > 1e-4 * ps[1]) {
                throw new ImageInputException(f.file(), "PixelSpacing (0028,0030)", Reason.INCONSISTENT_GEOMETRY,
                        "mixed pixel spacings in one series");
            }
        }
        List<DicomFrame> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparingDouble((DicomFrame f) -> dot(f.position(), n))
                .thenComparingInt(DicomFrame::instanceNumber).thenComparingInt(DicomFrame::frameIndex));
        double dz;
        if (sorted.size() == 1) {
            dz = ref.spacingBetweenSlices() > 0 ? ref.spacingBetweenSlices() : ref.sliceThickness() > 0 ? ref.sliceThickness() : 1;
        } else {
            double[] p0 = sorted.get(0).position();
            double first = dot(p0, n);
            double span = dot(sorted.get(sorted.size() - 1).position(), n) - first;
            dz = span / (sorted.size() - 1);
            double tol = Math.max(SPACING_TOLERANCE * dz, 1e-3);
            for (int k = 1; k < sorted.size(); k++) {
                double d = dot(sorted.get(k).position(), n);
                if (d - dot(sorted.get(k - 1).position(), n) < 1e-3) {
                    throw new ImageInputException(sorted.get(k).file(), "ImagePositionPatient (0020,0032)", Reason.INCONSISTENT_GEOMETRY,
                            "two planes at the same position along the slice normal (" + fmt(d) + " mm), also in "
                                    + sorted.get(k - 1).file().getFileName());
                }
            }
            double prev = first;
            for (int k = 1; k < sorted.size(); k++) {
                DicomFrame f = sorted.get(k);
                double[] p = f.position();
                double d = dot(p, n);
                if (Math.abs(d - prev - dz) > tol) {
                    throw new ImageInputException(f.file(), "ImagePositionPatient (0020,0032)", Reason.INCONSISTENT_GEOMETRY,
                            "irregular slice spacing: gap " + fmt(d - prev) + " mm where the series averages " + fmt(dz) + " mm");
                }
                // the plane must lie on the line origin + t n (no gantry tilt / shifted planes)
                double[] off = {p[0] - p0[0] - (d - first) * n[0], p[1] - p0[1] - (d - first) * n[1], p[2] - p0[2] - (d - first) * n[2]};
                if (Math.sqrt(dot(off, off)) > tol) {
                    throw new ImageInputException(f.file(), "ImagePositionPatient (0020,0032)", Reason.INCONSISTENT_GEOMETRY,
                            "planes are not stacked along the slice normal (in-plane offset " + fmt(Math.sqrt(dot(off, off))) + " mm)");
                }
                prev = d;
            }
        }
        double[] direction = {r[0], c[0], n[0], r[1], c[1], n[1], r[2], c[2], n[2]};
        Geometry g = new Geometry(ref.columns(), ref.rows(), sorted.size(), new double[] {ps[1], ps[0], dz},
                sorted.get(0).position(), direction);
        return new SortedPlanes(g, sorted);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] unit(double x, double y, double z) {
        double len = Math.sqrt(x * x + y * y + z * z);
        if (!(len > 0.99 && len < 1.01)) {
            return null;
        }
        return new double[] {x / len, y / len, z / len};
    }

    // ---------------------------------------------------------------- pixels

    /** Decoded stored values of one file. */
    private static final class PixelSource {
        final Path file;
        final int rows;
        final int columns;
        final int frames;
        final short[] words;
        final byte[] bytes;
        final int bitsStored;
        final boolean signed;

        PixelSource(Path file, int rows, int columns, int frames, short[] words, byte[] bytes, int bitsStored, boolean signed) {
            this.file = file;
            this.rows = rows;
            this.columns = columns;
            this.frames = frames;
            this.words = words;
            this.bytes = bytes;
            this.bitsStored = bitsStored;
            this.signed = signed;
        }

        void copyFrame(int frame, double slope, double intercept, float[] out, int offset) throws ImageInputException {
            int plane = rows * columns;
            int base = frame * plane;
            int shift = 32 - bitsStored;
            for (int i = 0; i < plane; i++) {
                int raw = words != null ? words[base + i] & 0xFFFF : bytes[base + i] & 0xFF;
                int stored = signed ? (raw << shift) >> shift : (int) ((raw & 0xFFFFFFFFL) & ((1L << bitsStored) - 1));
                double v = slope * stored + intercept;
                float fv = (float) v;
                if (!Float.isFinite(fv)) {
                    throw new ImageInputException(file, "RescaleSlope/RescaleIntercept", Reason.NON_FINITE_VALUE,
                            "frame " + (frame + 1) + " pixel " + i + " becomes " + v + " after rescale (slope " + slope
                                    + ", intercept " + intercept + ")");
                }
                out[offset + i] = fv;
            }
        }
    }

    private static PixelSource decode(Path file) throws IOException {
        AttributeList l = readAttributes(file, true);
        int rows = Attrs.integer(l, TagFromName.Rows, 0);
        int cols = Attrs.integer(l, TagFromName.Columns, 0);
        int frames = Math.max(1, Attrs.integer(l, TagFromName.NumberOfFrames, 1));
        int spp = Attrs.integer(l, TagFromName.SamplesPerPixel, 1);
        int bitsAllocated = Attrs.integer(l, TagFromName.BitsAllocated, 16);
        int bitsStored = Attrs.integer(l, TagFromName.BitsStored, bitsAllocated);
        boolean signed = Attrs.integer(l, TagFromName.PixelRepresentation, 0) == 1;
        if (spp != 1) {
            throw new ImageInputException(file, "SamplesPerPixel", Reason.UNSUPPORTED, "colour images (" + spp + " samples) are not read");
        }
        if (bitsAllocated != 8 && bitsAllocated != 16) {
            throw new ImageInputException(file, "BitsAllocated", Reason.UNSUPPORTED, bitsAllocated + " bits per pixel is not supported (8 or 16)");
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated) {
            throw new ImageInputException(file, "BitsStored", Reason.MISSING_FIELD, bitsStored + " is not in 1.." + bitsAllocated);
        }
        Attribute px = l.get(TagFromName.PixelData);
        if (px == null) {
            throw new ImageInputException(file, "PixelData", Reason.TRUNCATED, "no pixel data");
        }
        long needed = (long) rows * cols * frames;
        short[] words = null;
        byte[] bytes = null;
        long have;
        try {
            if (bitsAllocated == 16) {
                words = px.getShortValues();
                have = words == null ? 0 : words.length;
            } else {
                bytes = px.getByteValues();
                have = bytes == null ? 0 : bytes.length;
            }
        } catch (DicomException e) {
            throw new ImageInputException(file, "PixelData", Reason.UNSUPPORTED, "cannot decode pixel data: " + e.getMessage(), e);
        }
        if (have < needed) {
            throw new ImageInputException(file, "PixelData", Reason.TRUNCATED,
                    "holds " + have + " values, Rows x Columns x NumberOfFrames needs " + needed);
        }
        return new PixelSource(file, rows, cols, frames, words, bytes, bitsStored, signed);
    }
}
