package org.radstream.radiomics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.radstream.radiomics.RadiomicsInputException.Reason;

/**
 * Every PyRadiomics setting this extractor understands, with PyRadiomics' defaults (PyRadiomics
 * {@code featureextractor._getDefaultSettings} plus the feature-class and filter defaults). Component
 * names follow PyRadiomics' keys so that parameter files read naturally; {@link #fromPyRadiomics}
 * accepts exactly the keys of PyRadiomics' {@code paramSchema.yaml} {@code setting} section and rejects
 * anything else by name.
 *
 * @param binWidth fixed bin width (default 25); bins are equally spaced from 0 (PyRadiomics, not IBSI)
 * @param binCount fixed bin count, or 0 for fixed bin width (default 0)
 * @param voxelArrayShift added to intensities for Energy, TotalEnergy, RootMeanSquared (default 0)
 * @param label mask value of the ROI (default 1)
 * @param minimumRoiDimensions minimum number of axes along which the ROI spans more than one voxel (default 2)
 * @param minimumRoiSize the ROI must have more than this many voxels; 0 disables the check (default 0)
 * @param distances GLCM/GLDM/NGTDM neighbour distances, infinity norm (default [1])
 * @param symmetricalGlcm count each pair in both directions (default true)
 * @param weightingNorm GLCM/GLRLM angle weighting (default none: features averaged over angles)
 * @param gldmA GLDM dependence threshold alpha (default 0)
 * @param force2D compute texture matrices per slice plane (default false)
 * @param force2Ddimension axis normal to the 2D plane, numpy order: 0 = z, 1 = y, 2 = x (default 0)
 * @param resegmentRange 1 or 2 thresholds, or null for no resegmentation (default null)
 * @param resegmentMode how {@link #resegmentRange} is read (default absolute)
 * @param resegmentShape also use the resegmented mask for shape (default false)
 * @param normalize z-score the whole image before anything else (default false)
 * @param normalizeScale factor applied after normalisation (default 1)
 * @param removeOutliers clip normalised values to ±n sd, NaN = off (default off)
 * @param resampledPixelSpacing new spacing x, y, z in mm (0 keeps the axis), or null for none (default null)
 * @param interpolator image interpolator for resampling (default B-spline; an empty value disables resampling)
 * @param padDistance voxels kept around the ROI when resampling or pre-cropping (default 5)
 * @param preCrop crop to the ROI bounding box plus padDistance before filtering (default false)
 * @param geometryTolerance relative tolerance of the image/mask geometry check (default 1e-6, SimpleITK's)
 * @param correctMask resample a mismatching mask onto the image grid instead of failing (default false)
 * @param sigma LoG sigmas in mm (default none)
 * @param sigmaText each sigma as Python prints it ({@code 2} for an integer, {@code 2.0} for a float), which
 *        PyRadiomics puts into the image-type name ({@code log-sigma-2-mm-3D} vs {@code log-sigma-2-0-mm-3D})
 * @param wavelet wavelet name, PyWavelets spelling (default coif1)
 * @param level wavelet levels (default 1)
 * @param startLevel first wavelet level (default 0)
 * @param gradientUseSpacing gradient in mm units (default true)
 * @param lbp2DRadius LBP-2D radius (default 1)
 * @param lbp2DSamples LBP-2D samples (default 8)
 * @param lbp2DMethod LBP-2D method: default, ror, uniform, var (default uniform)
 * @param lbp3DLevels spherical-harmonic levels of LBP-3D (default 2)
 * @param lbp3DIcosphereRadius LBP-3D sampling radius in voxels (default 1)
 * @param lbp3DIcosphereSubdivision LBP-3D icosphere subdivisions (default 1)
 * @param compatibility PyRadiomics definitions (default) or IBSI-1 where the two differ (see docs/radiomics-ibsi.md)
 */
public record ExtractionSettings(
        double binWidth, int binCount, double voxelArrayShift, int label,
        int minimumRoiDimensions, int minimumRoiSize,
        int[] distances, boolean symmetricalGlcm, WeightingNorm weightingNorm, int gldmA,
        boolean force2D, int force2Ddimension,
        double[] resegmentRange, ResegmentMode resegmentMode, boolean resegmentShape,
        boolean normalize, double normalizeScale, double removeOutliers,
        double[] resampledPixelSpacing, Interpolator interpolator, int padDistance, boolean preCrop,
        double geometryTolerance, boolean correctMask,
        double[] sigma, String[] sigmaText, String wavelet, int level, int startLevel, boolean gradientUseSpacing,
        double lbp2DRadius, int lbp2DSamples, String lbp2DMethod,
        int lbp3DLevels, double lbp3DIcosphereRadius, int lbp3DIcosphereSubdivision,
        Compatibility compatibility) {

    /** GLCM/GLRLM angle weighting ({@code weightingNorm}). */
    public enum WeightingNorm { NONE, INFINITY, EUCLIDEAN, MANHATTAN, NO_WEIGHTING }

    /** How resegmentRange thresholds are interpreted ({@code resegmentMode}). */
    public enum ResegmentMode { ABSOLUTE, RELATIVE, SIGMA }

    /** Resampling interpolators (SimpleITK names); NONE ({@code interpolator:} left empty) disables resampling, as in PyRadiomics. */
    public enum Interpolator { NONE, NEAREST_NEIGHBOR, LINEAR, BSPLINE }

    /** Which definition wins where PyRadiomics and IBSI-1 differ. */
    public enum Compatibility { PYRADIOMICS, IBSI }

    public ExtractionSettings {
        distances = distances.clone();
        resegmentRange = resegmentRange == null ? null : resegmentRange.clone();
        resampledPixelSpacing = resampledPixelSpacing == null ? null : resampledPixelSpacing.clone();
        sigma = sigma.clone();
        sigmaText = sigmaText.clone();
        if (sigmaText.length != sigma.length) {
            throw new IllegalArgumentException("sigmaText must name every sigma");
        }
    }

    @Override
    public String[] sigmaText() {
        return sigmaText.clone();
    }

    /** PyRadiomics' defaults. */
    public static ExtractionSettings defaults() {
        return new Builder().build();
    }

    public boolean usesBinCount() {
        return binCount > 0;
    }

    @Override
    public int[] distances() {
        return distances.clone();
    }

    @Override
    public double[] resegmentRange() {
        return resegmentRange == null ? null : resegmentRange.clone();
    }

    @Override
    public double[] resampledPixelSpacing() {
        return resampledPixelSpacing == null ? null : resampledPixelSpacing.clone();
    }

    @Override
    public double[] sigma() {
        return sigma.clone();
    }

    /**
     * These settings with PyRadiomics keys overridden (as PyRadiomics does with an image type's
     * custom settings: {@code args = settings.copy(); args.update(custom)}).
     *
     * @param where names the source in error messages (e.g. {@code "imageType.LoG"})
     */
    public ExtractionSettings with(Map<String, ?> pyradiomicsKeys, String where) {
        Builder b = toBuilder();
        for (Map.Entry<String, ?> e : pyradiomicsKeys.entrySet()) {
            b.set(e.getKey(), e.getValue(), where);
        }
        return b.build();
    }

    /** Settings from a PyRadiomics {@code setting:} mapping; unknown keys and bad values are named errors. */
    public static ExtractionSettings fromPyRadiomics(Map<String, ?> setting, String where) {
        return defaults().with(setting, where);
    }

    /** The effective settings with PyRadiomics keys, for diagnostics. */
    public Map<String, Object> asPyRadiomicsMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (usesBinCount()) {
            m.put("binCount", binCount);
        } else {
            m.put("binWidth", binWidth);
        }
        m.put("voxelArrayShift", voxelArrayShift);
        m.put("label", label);
        m.put("minimumROIDimensions", minimumRoiDimensions);
        m.put("minimumROISize", minimumRoiSize == 0 ? null : minimumRoiSize);
        m.put("distances", Arrays.toString(distances));
        m.put("symmetricalGLCM", symmetricalGlcm);
        m.put("weightingNorm", weightingNorm == WeightingNorm.NONE ? null : weightingNorm.name().toLowerCase(Locale.ROOT));
        m.put("gldm_a", gldmA);
        m.put("force2D", force2D);
        m.put("force2Ddimension", force2Ddimension);
        m.put("resegmentRange", resegmentRange == null ? null : Arrays.toString(resegmentRange));
        m.put("resegmentMode", resegmentMode.name().toLowerCase(Locale.ROOT));
        m.put("normalize", normalize);
        m.put("normalizeScale", normalizeScale);
        m.put("removeOutliers", Double.isNaN(removeOutliers) ? null : removeOutliers);
        m.put("resampledPixelSpacing", resampledPixelSpacing == null ? null : Arrays.toString(resampledPixelSpacing));
        m.put("interpolator", interpolator.name());
        m.put("padDistance", padDistance);
        m.put("preCrop", preCrop);
        m.put("geometryTolerance", geometryTolerance);
        m.put("correctMask", correctMask);
        m.put("compatibility", compatibility.name().toLowerCase(Locale.ROOT));
        return m;
    }

    Builder toBuilder() {
        Builder b = new Builder();
        b.binWidth = binWidth;
        b.binCount = binCount;
        b.voxelArrayShift = voxelArrayShift;
        b.label = label;
        b.minimumRoiDimensions = minimumRoiDimensions;
        b.minimumRoiSize = minimumRoiSize;
        b.distances = distances;
        b.symmetricalGlcm = symmetricalGlcm;
        b.weightingNorm = weightingNorm;
        b.gldmA = gldmA;
        b.force2D = force2D;
        b.force2Ddimension = force2Ddimension;
        b.resegmentRange = resegmentRange;
        b.resegmentMode = resegmentMode;
        b.resegmentShape = resegmentShape;
        b.normalize = normalize;
        b.normalizeScale = normalizeScale;
        b.removeOutliers = removeOutliers;
        b.resampledPixelSpacing = resampledPixelSpacing;
        b.interpolator = interpolator;
        b.padDistance = padDistance;
        b.preCrop = preCrop;
        b.geometryTolerance = geometryTolerance;
        b.correctMask = correctMask;
        b.sigma = sigma;
        b.sigmaText = sigmaText;
        b.wavelet = wavelet;
        b.level = level;
        b.startLevel = startLevel;
        b.gradientUseSpacing = gradientUseSpacing;
        b.lbp2DRadius = lbp2DRadius;
        b.lbp2DSamples = lbp2DSamples;
        b.lbp2DMethod = lbp2DMethod;
        b.lbp3DLevels = lbp3DLevels;
        b.lbp3DIcosphereRadius = lbp3DIcosphereRadius;
        b.lbp3DIcosphereSubdivision = lbp3DIcosphereSubdivision;
        b.compatibility = compatibility;
        return b;
    }

    /** Mutable builder keyed by PyRadiomics setting names; validates each value as PyRadiomics' schema does. */
    static final class Builder {
        double binWidth = 25;
        int binCount = 0;
        double voxelArrayShift = 0;
        int label = 1;
        int minimumRoiDimensions = 2;
        int minimumRoiSize = 0;
        int[] distances = {1};
        boolean symmetricalGlcm = true;
        WeightingNorm weightingNorm = WeightingNorm.NONE;
        int gldmA = 0;
        boolean force2D = false;
        int force2Ddimension = 0;
        double[] resegmentRange = null;
        ResegmentMode resegmentMode = ResegmentMode.ABSOLUTE;
        boolean resegmentShape = false;
        boolean normalize = false;
        double normalizeScale = 1;
        double removeOutliers = Double.NaN;
        double[] resampledPixelSpacing = null;
        Interpolator interpolator = Interpolator.BSPLINE;
        int padDistance = 5;
        boolean preCrop = false;
        double geometryTolerance = 1e-6;
        boolean correctMask = false;
        double[] sigma = {};
        String[] sigmaText = {};
        String wavelet = "coif1";
        int level = 1;
        int startLevel = 0;
        boolean gradientUseSpacing = true;
        double lbp2DRadius = 1;
        int lbp2DSamples = 8;
        String lbp2DMethod = "uniform";
        int lbp3DLevels = 2;
        double lbp3DIcosphereRadius = 1;
        int lbp3DIcosphereSubdivision = 1;
        Compatibility compatibility = Compatibility.PYRADIOMICS;

        ExtractionSettings build() {
            return new ExtractionSettings(binWidth, binCount, voxelArrayShift, label, minimumRoiDimensions,
                    minimumRoiSize, distances, symmetricalGlcm, weightingNorm, gldmA, force2D, force2Ddimension,
                    resegmentRange, resegmentMode, resegmentShape, normalize, normalizeScale, removeOutliers,
                    resampledPixelSpacing, interpolator, padDistance, preCrop, geometryTolerance, correctMask,
                    sigma, sigmaText, wavelet, level, startLevel, gradientUseSpacing, lbp2DRadius, lbp2DSamples, lbp2DMethod,
                    lbp3DLevels, lbp3DIcosphereRadius, lbp3DIcosphereSubdivision, compatibility);
        }

        /** Sets one PyRadiomics key; a null value means "None" (the PyRadiomics default for optional keys). */
        Builder set(String key, Object v, String where) {
            String field = where + "." + key;
            switch (key) {
                case "binWidth" -> binWidth = positive(num(v, field, 25), field);
                case "binCount" -> binCount = v == null ? 0 : (int) positive(integer(v, field, 0), field);
                case "voxelArrayShift" -> voxelArrayShift = num(v, field, 0);
                case "label" -> label = (int) positive(integer(v, field, 1), field);
                case "label_channel" -> {
                    if (v != null && integer(v, field, 0) != 0) {
                        throw bad(field, "only single-channel label maps are supported (label_channel 0)");
                    }
                }
                case "minimumROIDimensions" -> {
                    minimumRoiDimensions = integer(v, field, 2);
                    if (minimumRoiDimensions < 1 || minimumRoiDimensions > 3) {
                        throw bad(field, "must be 1, 2 or 3, got " + minimumRoiDimensions);
                    }
                }
                case "minimumROISize" -> minimumRoiSize = v == null ? 0 : (int) positive(integer(v, field, 0), field);
                case "distances" -> {
                    double[] d = nums(v, field);
                    if (d == null || d.length == 0) {
                        distances = new int[] {1};
                    } else {
                        distances = new int[d.length];
                        for (int i = 0; i < d.length; i++) {
                            if (d[i] < 1 || d[i] != Math.rint(d[i])) {
                                throw bad(field, "distances must be integers >= 1, got " + Arrays.toString(d));
                            }
                            distances[i] = (int) d[i];
                        }
                    }
                }
                case "symmetricalGLCM" -> symmetricalGlcm = bool(v, field, true);
                case "weightingNorm" -> weightingNorm = v == null ? WeightingNorm.NONE
                        : enumOf(WeightingNorm.class, String.valueOf(v), field);
                case "gldm_a" -> {
                    gldmA = integer(v, field, 0);
                    if (gldmA < 0) {
                        throw bad(field, "must be >= 0, got " + gldmA);
                    }
                }
                case "force2D" -> force2D = bool(v, field, false);
                case "force2Ddimension" -> {
                    force2Ddimension = integer(v, field, 0);
                    if (force2Ddimension < 0 || force2Ddimension > 2) {
                        throw bad(field, "must be 0, 1 or 2, got " + force2Ddimension);
                    }
                }
                case "resegmentRange" -> {
                    resegmentRange = nums(v, field);
                    if (resegmentRange != null && (resegmentRange.length == 0 || resegmentRange.length > 2)) {
                        throw bad(field, "needs 1 or 2 thresholds, got " + resegmentRange.length);
                    }
                }
                case "resegmentMode" -> resegmentMode = v == null ? ResegmentMode.ABSOLUTE
                        : enumOf(ResegmentMode.class, String.valueOf(v), field);
                case "resegmentShape" -> resegmentShape = bool(v, field, false);
                case "normalize" -> normalize = bool(v, field, false);
                case "normalizeScale" -> normalizeScale = positive(num(v, field, 1), field);
                case "removeOutliers" -> removeOutliers = v == null ? Double.NaN : positive(num(v, field, 0), field);
                case "resampledPixelSpacing" -> {
                    resampledPixelSpacing = nums(v, field);
                    if (resampledPixelSpacing != null) {
                        if (resampledPixelSpacing.length != 3) {
                            throw bad(field, "needs 3 spacings (x, y, z), got " + resampledPixelSpacing.length);
                        }
                        for (double s : resampledPixelSpacing) {
                            if (!(s >= 0)) {
                                throw bad(field, "spacings must be >= 0, got " + Arrays.toString(resampledPixelSpacing));
                            }
                        }
                    }
                }
                case "interpolator" -> interpolator = interpolatorOf(v, field);
                case "padDistance" -> {
                    padDistance = integer(v, field, 5);
                    if (padDistance < 0) {
                        throw bad(field, "must be >= 0, got " + padDistance);
                    }
                }
                case "preCrop" -> preCrop = bool(v, field, false);
                case "geometryTolerance" -> geometryTolerance = v == null ? 1e-6 : positive(num(v, field, 1e-6), field);
                case "correctMask" -> correctMask = bool(v, field, false);
                case "additionalInfo" -> bool(v, field, true); // diagnostics are always written
                case "sigma" -> {
                    double[] s = nums(v, field);
                    sigma = s == null ? new double[0] : s;
                    sigmaText = new String[sigma.length];
                    List<?> raw = v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
                    for (int i = 0; i < sigma.length; i++) {
                        Object o = i < raw.size() ? raw.get(i) : null;
                        boolean integer = o instanceof Integer || o instanceof Long || o instanceof java.math.BigInteger;
                        sigmaText[i] = integer ? Long.toString((long) sigma[i]) : pythonFloat(sigma[i]);
                    }
                    for (double x : sigma) {
                        if (!(x > 0)) {
                            throw bad(field, "sigma values must be > 0, got " + Arrays.toString(sigma));
                        }
                    }
                }
                case "wavelet" -> {
                    wavelet = v == null ? "coif1" : String.valueOf(v);
                    if (!org.radstream.radiomics.filters.WaveletFilter.isKnown(wavelet)) {
                        throw new RadiomicsInputException(Reason.INVALID_PARAMETER, field, "unknown wavelet '" + wavelet
                                + "'; known: " + org.radstream.radiomics.filters.WaveletFilter.knownWavelets());
                    }
                }
                case "level" -> level = (int) positive(integer(v, field, 1), field);
                case "start_level" -> {
                    startLevel = integer(v, field, 0);
                    if (startLevel < 0) {
                        throw bad(field, "must be >= 0, got " + startLevel);
                    }
                }
                case "gradientUseSpacing" -> gradientUseSpacing = bool(v, field, true);
                case "lbp2DRadius" -> lbp2DRadius = positive(num(v, field, 1), field);
                case "lbp2DSamples" -> lbp2DSamples = (int) positive(integer(v, field, 8), field);
                case "lbp2DMethod" -> {
                    lbp2DMethod = v == null ? "uniform" : String.valueOf(v);
                    if (!List.of("default", "ror", "uniform", "var").contains(lbp2DMethod)) {
                        throw bad(field, "must be one of default, ror, uniform, var; got '" + lbp2DMethod + "'");
                    }
                }
                case "lbp3DLevels" -> lbp3DLevels = (int) positive(integer(v, field, 2), field);
                case "lbp3DIcosphereRadius" -> lbp3DIcosphereRadius = positive(num(v, field, 1), field);
                case "lbp3DIcosphereSubdivision" -> {
                    lbp3DIcosphereSubdivision = integer(v, field, 1);
                    if (lbp3DIcosphereSubdivision < 0) {
                        throw bad(field, "must be >= 0, got " + lbp3DIcosphereSubdivision);
                    }
                }
                case "compatibility" -> compatibility = v == null ? Compatibility.PYRADIOMICS
                        : enumOf(Compatibility.class, String.valueOf(v), field);
                default -> throw new RadiomicsInputException(Reason.UNKNOWN_PARAMETER, field,
                        "unknown setting '" + key + "' (not a PyRadiomics setting supported here)");
            }
            return this;
        }

        /** Python's repr of a float for the usual cases (2.0, 0.5, 1.25). */
        static String pythonFloat(double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e16) {
                return (long) d + ".0";
            }
            return Double.toString(d);
        }

        private static RadiomicsInputException bad(String field, String msg) {
            return new RadiomicsInputException(Reason.INVALID_PARAMETER, field, msg);
        }

        private static double positive(double x, String field) {
            if (!(x > 0) || Double.isInfinite(x)) {
                throw bad(field, "must be a positive number, got " + x);
            }
            return x;
        }

        private static double num(Object v, String field, double dflt) {
            if (v == null) {
                return dflt;
            }
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            try {
                return Double.parseDouble(String.valueOf(v).trim());
            } catch (NumberFormatException e) {
                throw bad(field, "not a number: '" + v + "'");
            }
        }

        private static int integer(Object v, String field, int dflt) {
            double d = num(v, field, dflt);
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                throw bad(field, "not an integer: '" + v + "'");
            }
            return (int) d;
        }

        private static boolean bool(Object v, String field, boolean dflt) {
            if (v == null) {
                return dflt;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
            return switch (s) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> throw bad(field, "not a boolean: '" + v + "'");
            };
        }

        private static double[] nums(Object v, String field) {
            if (v == null) {
                return null;
            }
            List<?> list;
            if (v instanceof List<?> l) {
                list = l;
            } else if (v instanceof double[] d) {
                return d.clone();
            } else if (v instanceof int[] ia) {
                return Arrays.stream(ia).asDoubleStream().toArray();
            } else {
                list = List.of(v);
            }
            List<Double> out = new ArrayList<>();
            for (Object o : list) {
                out.add(num(o, field, Double.NaN));
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }

        private static <E extends Enum<E>> E enumOf(Class<E> type, String s, String field) {
            String norm = s.trim().replace("-", "_").toUpperCase(Locale.ROOT);
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(norm)) {
                    return e;
                }
            }
            throw bad(field, "unknown value '" + s + "'; allowed: "
                    + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
        }

        private static Interpolator interpolatorOf(Object v, String field) {
            if (v == null) {
                return Interpolator.NONE; // PyRadiomics resamples only when interpolator is not None
            }
            String s = String.valueOf(v).trim();
            return switch (s) {
                case "sitkNearestNeighbor", "1" -> Interpolator.NEAREST_NEIGHBOR;
                case "sitkLinear", "2" -> Interpolator.LINEAR;
                case "sitkBSpline", "3" -> Interpolator.BSPLINE;
                default -> throw bad(field, "unsupported interpolator '" + s
                        + "'; supported: sitkNearestNeighbor, sitkLinear, sitkBSpline");
            };
        }
    }
}
