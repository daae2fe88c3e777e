package org.radstream.radiomics;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.radiomics.RadiomicsInputException.Reason;
import org.radstream.radiomics.features.FeatureClass;
import org.radstream.radiomics.filters.FilteredImage;
import org.radstream.radiomics.preprocess.BoundingBox;
import org.radstream.radiomics.preprocess.CroppedRoi;
import org.radstream.radiomics.preprocess.Discretiser;
import org.radstream.radiomics.preprocess.Discretiser.Discretised;
import org.radstream.radiomics.preprocess.Preprocessing;

/**
 * Segment-based feature extraction following PyRadiomics' {@code RadiomicsFeatureExtractor.execute}:
 * <ol>
 * <li>validate: finite intensities, image/mask geometry within {@code geometryTolerance} (or, with
 *     {@code correctMask}, the mask resampled onto the image grid), label present;</li>
 * <li>normalise (optional), then resample to {@code resampledPixelSpacing} or pre-crop (optional);</li>
 * <li>check the ROI ({@code minimumROIDimensions}, {@code minimumROISize}) and resegment (optional);</li>
 * <li>shape and shape2D on the un-resegmented mask (unless {@code resegmentShape});</li>
 * <li>for every enabled image type and every derived image, the other classes on the image cropped to
 *     the ROI bounding box, each image discretised on its own.</li>
 * </ol>
 * Derived images are independent, so they may be computed on an executor (parallel over image types).
 */
public final class RadiomicsExtractor {
    /** Version written to diagnostics. */
    public static final String VERSION = "radstream-radiomics 0.1.0 (PyRadiomics 3.x definitions)";

    private final ParameterSet params;

    public RadiomicsExtractor(ParameterSet params) {
        this.params = params;
    }

    public ParameterSet parameters() {
        return params;
    }

    /** Extracts on the calling thread. */
    public FeatureVector extract(Volume image, LabelMap mask) {
        return extract(image, mask, null);
    }

    /**
     * @param executor runs the derived images in parallel when not null
     * @throws RadiomicsInputException for input PyRadiomics refuses (named reason and field)
     */
    public FeatureVector extract(Volume image, LabelMap mask, ExecutorService executor) {
        ExtractionSettings s = params.settings();
        Map<String, String> diag = new LinkedHashMap<>();
        diag.put("diagnostics_Versions_radstream", VERSION);
        diag.put("diagnostics_Versions_Java", System.getProperty("java.version"));
        diag.put("diagnostics_Configuration_Settings", s.asPyRadiomicsMap().toString());
        diag.put("diagnostics_Configuration_EnabledImageTypes", enabledTypes());
        requireFinite(image);
        addImageDiagnostics(diag, "original", image);
        if (!Preprocessing.sameGeometry(image.geometry(), mask.geometry(), s.geometryTolerance())) {
            if (!s.correctMask()) {
                throw new RadiomicsInputException(Reason.GEOMETRY_MISMATCH, "mask",
                        "image/mask geometry mismatch beyond geometryTolerance " + s.geometryTolerance()
                        + " (image " + image.geometry() + ", mask " + mask.geometry()
                        + "); enable correctMask to resample the mask onto the image grid");
            }
            requireLabel(mask, s.label());
            mask = Preprocessing.resampleMaskOnto(mask, image.geometry(), s.label());
        }
        requireLabel(mask, s.label());
        addMaskDiagnostics(diag, "original", mask, s.label());

        if (s.normalize()) {
            image = Preprocessing.normalize(image, s.normalizeScale(), s.removeOutliers());
        }
        if (s.resampledPixelSpacing() != null && s.interpolator() != ExtractionSettings.Interpolator.NONE) {
            Volume[] im = new Volume[1];
            LabelMap[] ma = new LabelMap[1];
            Preprocessing.resample(image, mask, s, im, ma);
            image = im[0];
            mask = ma[0];
            addImageDiagnostics(diag, "interpolated", image);
            addMaskDiagnostics(diag, "interpolated", mask, s.label());
        } else if (s.preCrop()) {
            BoundingBox bb = checkRoi(mask, s);
            BoundingBox padded = bb.padded(s.padDistance(), mask.geometry().nx(), mask.geometry().ny(),
                    mask.geometry().nz());
            image = Preprocessing.crop(image, padded);
            mask = Preprocessing.crop(mask, padded);
        }
        BoundingBox box = checkRoi(mask, s);
        LabelMap shapeMask = mask;
        if (s.resegmentRange() != null) {
            LabelMap reseg = Preprocessing.resegment(image, mask, s);
            box = checkRoi(reseg, s);
            addMaskDiagnostics(diag, "resegmented", reseg, s.label());
            if (s.resegmentShape()) {
                shapeMask = reseg;
            }
            mask = reseg;
        }

        Map<String, Double> features = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        // shape: on the (normalised/resampled) image, un-resegmented mask unless resegmentShape, cropped to the
        // final ROI box (PyRadiomics execute(): computeShape(image, mask, boundingBox) after resegmentation)
        for (Map.Entry<FeatureClass, List<String>> e : params.featureClasses().entrySet()) {
            FeatureClass c = e.getKey();
            if (!c.isShape()) {
                continue;
            }
            // PyRadiomics crops the shape mask to the bounding box of the final (possibly resegmented) ROI
            BoundingBox shapeBox = box;
            if (c == FeatureClass.SHAPE2D) {
                if (!s.force2D()) {
                    diag.put("diagnostics_shape2D_skipped", "force2D is false");
                    continue;
                }
                int thickness = s.force2Ddimension() == 0 ? shapeBox.sizeZ()
                        : s.force2Ddimension() == 1 ? shapeBox.sizeY() : shapeBox.sizeX();
                if (thickness > 1) {
                    diag.put("diagnostics_shape2D_skipped", "ROI spans " + thickness + " voxels along force2Ddimension "
                            + s.force2Ddimension());
                    continue;
                }
            }
            CroppedRoi roi = CroppedRoi.crop(image, shapeMask, s.label(), shapeBox);
            c.compute(roi, null, s, c.enabledNames(e.getValue(), c.pyName()), "original", features, reasons);
        }

        // derived images, each with its own settings, features in image-type order
        List<ImageType> types = new ArrayList<>(params.imageTypes().keySet());
        List<Map<String, Double>> perType = new ArrayList<>();
        List<Map<String, String>> perTypeReasons = new ArrayList<>();
        final Volume img = image;
        final LabelMap msk = mask;
        final BoundingBox bb = box;
        if (executor == null) {
            for (ImageType t : types) {
                Map<String, Double> f = new LinkedHashMap<>();
                Map<String, String> r = new LinkedHashMap<>();
                computeType(t, img, msk, bb, f, r);
                perType.add(f);
                perTypeReasons.add(r);
            }
        } else {
            List<Future<Object[]>> futures = new ArrayList<>();
            for (ImageType t : types) {
                futures.add(executor.submit(() -> {
                    Map<String, Double> f = new LinkedHashMap<>();
                    Map<String, String> r = new LinkedHashMap<>();
                    computeType(t, img, msk, bb, f, r);
                    return new Object[] {f, r};
                }));
            }
            for (Future<Object[]> fu : futures) {
                try {
                    Object[] res = fu.get();
                    @SuppressWarnings("unchecked")
                    Map<String, Double> f = (Map<String, Double>) res[0];
                    @SuppressWarnings("unchecked")
                    Map<String, String> r = (Map<String, String>) res[1];
                    perType.add(f);
                    perTypeReasons.add(r);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", ex);
                } catch (ExecutionException ex) {
                    if (ex.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(ex.getCause());
                }
            }
        }
        perType.forEach(features::putAll);
        perTypeReasons.forEach(reasons::putAll);
        for (Map.Entry<String, String> r : reasons.entrySet()) {
            diag.put("diagnostics_NaN_" + r.getKey(), r.getValue());
        }
        return new FeatureVector(features, diag, reasons);
    }

    private void computeType(ImageType t, Volume image, LabelMap mask, BoundingBox box, Map<String, Double> out,
            Map<String, String> reasons) {
        ExtractionSettings ts = params.settingsFor(t);
        for (FilteredImage fi : t.apply(image, mask, ts, box)) {
            CroppedRoi roi = CroppedRoi.crop(fi.image(), mask, ts.label(), box);
            Discretised disc = null;
            for (Map.Entry<FeatureClass, List<String>> e : params.featureClasses().entrySet()) {
                FeatureClass c = e.getKey();
                if (c.isShape()) {
                    continue;
                }
                if (disc == null) {
                    requireFiniteRoi(roi, fi.name());
                    disc = Discretiser.discretise(roi, ts);
                }
                c.compute(roi, disc, ts, c.enabledNames(e.getValue(), c.pyName()), fi.name(), out, reasons);
            }
        }
    }

    private String enabledTypes() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<ImageType, Map<String, Object>> e : params.imageTypes().entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('\'').append(e.getKey().pyName()).append("': ").append(e.getValue());
        }
        return sb.append('}').toString();
    }

    /** PyRadiomics {@code checkMask}: label present, enough dimensions, more than {@code minimumROISize} voxels. */
    static BoundingBox checkRoi(LabelMap mask, ExtractionSettings s) {
        BoundingBox bb = BoundingBox.of(mask, s.label());
        if (bb == null) {
            throw new RadiomicsInputException(Reason.LABEL_NOT_PRESENT, "label",
                    "label " + s.label() + " not present in mask");
        }
        int dims = bb.dimensions();
        if (dims == 0) {
            throw new RadiomicsInputException(Reason.ROI_TOO_FEW_DIMENSIONS, "mask",
                    "mask only contains 1 segmented voxel; cannot extract features for a single voxel");
        }
        if (dims < s.minimumRoiDimensions()) {
            throw new RadiomicsInputException(Reason.ROI_TOO_FEW_DIMENSIONS, "minimumROIDimensions",
                    "ROI spans " + dims + " dimension(s), minimumROIDimensions is " + s.minimumRoiDimensions());
        }
        if (s.minimumRoiSize() > 0) {
            int n = mask.count(s.label());
            if (n <= s.minimumRoiSize()) {
                throw new RadiomicsInputException(Reason.ROI_TOO_SMALL, "minimumROISize",
                        "ROI has " + n + " voxels, more than minimumROISize " + s.minimumRoiSize() + " required");
            }
        }
        return bb;
    }

    static void requireLabel(LabelMap mask, int label) {
        TreeSet<Integer> present = new TreeSet<>();
        for (int v : mask.labels()) {
            if (v != 0) {
                present.add(v);
            }
        }
        if (present.isEmpty()) {
            throw new RadiomicsInputException(Reason.LABEL_NOT_PRESENT, "mask",
                    "no labels found in mask (nothing is segmented)");
        }
        if (!present.contains(label)) {
            throw new RadiomicsInputException(Reason.LABEL_NOT_PRESENT, "label",
                    "label " + label + " not present in mask; labels present: " + present);
        }
    }

    static void requireFinite(Volume image) {
        float[] v = image.voxels();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                Geometry g = image.geometry();
                int x = i % g.nx();
                int y = (i / g.nx()) % g.ny();
                int z = i / (g.nx() * g.ny());
                throw new RadiomicsInputException(Reason.NON_FINITE_INTENSITY, "image",
                        "intensity " + v[i] + " at voxel (" + x + ", " + y + ", " + z + ")");
            }
        }
    }

    private static void requireFiniteRoi(CroppedRoi roi, String imageName) {
        float[] v = roi.values();
        boolean[] m = roi.mask();
        for (int i = 0; i < v.length; i++) {
            if (m[i] && !Float.isFinite(v[i])) {
                throw new RadiomicsInputException(Reason.NON_FINITE_INTENSITY, imageName,
                        "filtered image has a non-finite value inside the ROI");
            }
        }
    }

    private static void addImageDiagnostics(Map<String, String> d, String kind, Volume image) {
        Geometry g = image.geometry();
        String p = "diagnostics_Image-" + kind + "_";
        d.put(p + "Hash", sha1(image.voxels()));
        d.put(p + "Dimensionality", "3D");
        d.put(p + "Spacing", tuple(g.spacing()));
        d.put(p + "Size", "(" + g.nx() + ", " + g.ny() + ", " + g.nz() + ")");
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float f : image.voxels()) {
            sum += f;
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        d.put(p + "Mean", Double.toString(sum / image.voxels().length));
        d.put(p + "Minimum", Double.toString(min));
        d.put(p + "Maximum", Double.toString(max));
    }

    private static void addMaskDiagnostics(Map<String, String> d, String kind, LabelMap mask, int label) {
        Geometry g = mask.geometry();
        String p = "diagnostics_Mask-" + kind + "_";
        float[] asFloat = new float[mask.labels().length];
        for (int i = 0; i < asFloat.length; i++) {
            asFloat[i] = mask.labels()[i];
        }
        d.put(p + "Hash", sha1(asFloat));
        d.put(p + "Spacing", tuple(g.spacing()));
        d.put(p + "Size", "(" + g.nx() + ", " + g.ny() + ", " + g.nz() + ")");
        BoundingBox bb = BoundingBox.of(mask, label);
        d.put(p + "BoundingBox", bb == null ? "None" : bb.pyradiomicsString());
        int n = mask.count(label);
        d.put(p + "VoxelNum", Integer.toString(n));
        d.put(p + "VolumeNum", Integer.toString(Preprocessing.connectedComponents(mask, label)));
        double[] c = new double[3];
        int[] l = mask.labels();
        int i = 0;
        for (int z = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, i++) {
                    if (l[i] == label) {
                        c[0] += x;
                        c[1] += y;
                        c[2] += z;
                    }
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            c[k] /= Math.max(1, n);
        }
        d.put(p + "CenterOfMassIndex", tuple(c));
        d.put(p + "CenterOfMass", tuple(g.indexToPhysical(c[0], c[1], c[2])));
    }

    private static String tuple(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%s", v[i]));
        }
        return sb.append(')').toString();
    }

    /** SHA-1 of the voxel values as little-endian float32 (a content hash, not SimpleITK's {@code Hash}). */
    static String sha1(float[] v) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : v) {
                b.putFloat(f);
            }
            return HexFormat.of().formatHex(md.digest(b.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
