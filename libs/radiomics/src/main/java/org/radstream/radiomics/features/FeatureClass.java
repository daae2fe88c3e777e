package org.radstream.radiomics.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.radstream.radiomics.ExtractionSettings;
import org.radstream.radiomics.RadiomicsInputException;
import org.radstream.radiomics.preprocess.CroppedRoi;
import org.radstream.radiomics.preprocess.Discretiser.Discretised;

/**
 * The eight PyRadiomics feature classes, by their parameter-file names, each with its registry of
 * features. {@link #compute} builds the family once (its matrices) and evaluates the enabled features,
 * writing {@code <prefix>_<class>_<Feature>} keys; a feature that cannot be computed becomes NaN and its
 * reason is recorded.
 */
public enum FeatureClass {
    FIRSTORDER("firstorder", FirstOrderFeatures.FEATURES),
    SHAPE("shape", ShapeFeatures.FEATURES),
    SHAPE2D("shape2D", Shape2DFeatures.FEATURES),
    GLCM("glcm", GlcmFeatures.FEATURES),
    GLRLM("glrlm", GlrlmFeatures.FEATURES),
    GLSZM("glszm", GlszmFeatures.FEATURES),
    GLDM("gldm", GldmFeatures.FEATURES),
    NGTDM("ngtdm", NgtdmFeatures.FEATURES);

    private final String pyName;
    private final List<? extends Feature<?>> features;

    FeatureClass(String pyName, List<? extends Feature<?>> features) {
        this.pyName = pyName;
        this.features = features;
    }

    /** The PyRadiomics name ({@code firstorder}, {@code glcm}, ...). */
    public String pyName() {
        return pyName;
    }

    public List<? extends Feature<?>> features() {
        return features;
    }

    public boolean isShape() {
        return this == SHAPE || this == SHAPE2D;
    }

    public static FeatureClass byName(String name, String field) {
        for (FeatureClass c : values()) {
            if (c.pyName.equals(name)) {
                return c;
            }
        }
        throw new RadiomicsInputException(RadiomicsInputException.Reason.UNKNOWN_PARAMETER, field,
                "unknown feature class '" + name + "'; known: " + java.util.Arrays.stream(values()).map(FeatureClass::pyName).toList());
    }

    /**
     * The names to compute: the listed ones in their order (each checked, deprecated ones allowed), or
     * when {@code requested} is null or empty every non-deprecated feature in alphabetical order
     * (PyRadiomics enumerates methods by name).
     */
    public List<String> enabledNames(List<String> requested, String field) {
        List<String> out = new ArrayList<>();
        if (requested == null || requested.isEmpty()) {
            features.stream().filter(f -> !f.deprecated()).map(Feature::name).sorted(Comparator.naturalOrder())
                    .forEach(out::add);
            return out;
        }
        for (String r : requested) {
            Feature<?> f = features.stream().filter(x -> x.name().equals(r)).findFirst()
                    .orElseThrow(() -> new RadiomicsInputException(RadiomicsInputException.Reason.UNKNOWN_PARAMETER,
                            field, "unknown " + pyName + " feature '" + r + "'"));
            if (!f.removed()) {
                out.add(f.name());
            }
        }
        return out;
    }

    /**
     * Computes the enabled features of this class on a cropped ROI.
     *
     * @param prefix image type name ({@code original}, {@code wavelet-LLH}, ...)
     * @param out receives {@code prefix_class_Feature -> value}
     * @param nanReasons receives {@code prefix_class_Feature -> reason} for every NaN
     */
    public void compute(CroppedRoi roi, Discretised disc, ExtractionSettings s, List<String> enabled, String prefix,
            Map<String, Double> out, Map<String, String> nanReasons) {
        String base = prefix + "_" + pyName + "_";
        Object family;
        try {
            family = switch (this) {
                case FIRSTORDER -> new FirstOrderFeatures(roi, disc, s);
                case SHAPE -> new ShapeFeatures(roi, s.compatibility() == ExtractionSettings.Compatibility.IBSI);
                case SHAPE2D -> new Shape2DFeatures(roi, s.force2Ddimension());
                case GLCM -> new GlcmFeatures(new TextureInput(roi, disc, s));
                case GLRLM -> new GlrlmFeatures(new TextureInput(roi, disc, s));
                case GLSZM -> new GlszmFeatures(new TextureInput(roi, disc, s));
                case GLDM -> new GldmFeatures(new TextureInput(roi, disc, s));
                case NGTDM -> new NgtdmFeatures(new TextureInput(roi, disc, s));
            };
        } catch (NotComputableException e) {
            for (String name : enabled) {
                out.put(base + name, Double.NaN);
                nanReasons.put(base + name, e.getMessage());
            }
            return;
        }
        for (String name : enabled) {
            double v = evaluate(family, name, nanReasons, base + name);
            out.put(base + name, v);
        }
    }

    @SuppressWarnings("unchecked")
    private double evaluate(Object family, String name, Map<String, String> nanReasons, String key) {
        for (Feature<?> f : features) {
            if (f.name().equals(name)) {
                double v;
                try {
                    v = ((Feature<Object>) f).method().applyAsDouble(family);
                } catch (NotComputableException e) {
                    nanReasons.put(key, e.getMessage());
                    return Double.NaN;
                }
                if (Double.isNaN(v)) {
                    nanReasons.put(key, "undefined for this ROI (0/0 or empty matrix)");
                }
                return v;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
