package org.radstream.radiomics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.radstream.radiomics.RadiomicsInputException.Reason;
import org.radstream.radiomics.features.FeatureClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A PyRadiomics parameter file: {@code setting}, {@code imageType} (with per-type setting overrides),
 * {@code featureClass} (null or [] = all non-deprecated features of the class). {@code voxelSetting} is
 * refused unless empty: voxel-based extraction is not implemented. Any other top-level key, unknown setting,
 * image type, feature class or feature name is a {@link RadiomicsInputException} naming it.
 *
 * <p>PyRadiomics' defaults when a section is absent: imageType {@code {Original: {}}} and every
 * feature class enabled.
 *
 * @param settings the global settings
 * @param imageTypes enabled image types in file order, each with its PyRadiomics-key overrides
 * @param featureClasses enabled feature classes in file order, each with its requested names (empty = default set)
 * @param source where it came from, for diagnostics
 */
public record ParameterSet(ExtractionSettings settings, Map<ImageType, Map<String, Object>> imageTypes,
        Map<FeatureClass, List<String>> featureClasses, String source) {

    public ParameterSet {
        imageTypes = Collections.unmodifiableMap(new LinkedHashMap<>(imageTypes));
        featureClasses = Collections.unmodifiableMap(new LinkedHashMap<>(featureClasses));
    }

    /** PyRadiomics' defaults: Original image, every class with its default features. */
    public static ParameterSet defaults() {
        return of(ExtractionSettings.defaults());
    }

    /** Original image, every class, the given settings. */
    public static ParameterSet of(ExtractionSettings settings) {
        Map<FeatureClass, List<String>> fc = new LinkedHashMap<>();
        for (FeatureClass c : FeatureClass.values()) {
            if (c != FeatureClass.SHAPE2D || settings.force2D()) {
                fc.put(c, List.of());
            }
        }
        return new ParameterSet(settings, Map.of(ImageType.ORIGINAL, Map.of()), fc, "defaults");
    }

    /** The settings in effect for one image type (global settings updated by the type's own keys). */
    public ExtractionSettings settingsFor(ImageType type) {
        Map<String, Object> custom = imageTypes.getOrDefault(type, Map.of());
        return custom.isEmpty() ? settings : settings.with(custom, "imageType." + type.pyName());
    }

    public static ParameterSet load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    public static ParameterSet loadResource(String name) throws IOException {
        try (InputStream in = ParameterSet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no bundled parameter file " + name);
            }
            return parse(in, "classpath:" + name);
        }
    }

    /** The bundled paper profile: Original + 8 wavelets + LoG σ 2, 3 mm + LBP-3D m1, m2, k (1316 features). */
    public static ParameterSet paper1316() throws IOException {
        return loadResource("/org/radstream/radiomics/paper-1316.yaml");
    }

    /**
     * The paper profile for raw images: z-score and 1 mm B-spline resampling first (the study's step 1, in
     * PyRadiomics' order), then the 1316 features of {@link #paper1316()}.
     */
    public static ParameterSet paper1316Dicom() throws IOException {
        return loadResource("/org/radstream/radiomics/paper-1316-dicom.yaml");
    }

    @SuppressWarnings("unchecked")
    public static ParameterSet parse(InputStream in, String source) throws IOException {
        Object root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(in, Object.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new RadiomicsInputException(Reason.INVALID_PARAMETER, source, "not valid YAML: " + e.getOriginalMessage());
        }
        Map<String, Object> top = root == null ? Map.of() : asMap(root, source);
        for (String k : top.keySet()) {
            if (!List.of("setting", "imageType", "featureClass", "voxelSetting").contains(k)) {
                throw new RadiomicsInputException(Reason.UNKNOWN_PARAMETER, source + ": " + k,
                        "unknown top-level key '" + k + "' (allowed: setting, imageType, featureClass, voxelSetting)");
            }
        }
        Map<String, Object> setting = top.get("setting") == null ? Map.of() : asMap(top.get("setting"), source + ": setting");
        ExtractionSettings settings = ExtractionSettings.fromPyRadiomics(setting, source + ": setting");

        // voxel-based extraction (PyRadiomics' feature maps) is not implemented: a file that configures it is
        // refused rather than run segment-based with the section silently ignored; an empty section asks nothing
        Object voxel = top.get("voxelSetting");
        if (voxel != null && !(voxel instanceof Map<?, ?> m && m.isEmpty())) {
            throw new RadiomicsInputException(Reason.UNKNOWN_PARAMETER, source + ": voxelSetting",
                    "voxel-based extraction (feature maps) is not supported; remove the voxelSetting section "
                            + "(segment-based extraction uses setting and imageType only)");
        }

        Map<ImageType, Map<String, Object>> types = new LinkedHashMap<>();
        if (!top.containsKey("imageType")) {
            types.put(ImageType.ORIGINAL, Map.of());
        } else if (top.get("imageType") != null) {
            for (Map.Entry<String, Object> e : asMap(top.get("imageType"), source + ": imageType").entrySet()) {
                String field = source + ": imageType." + e.getKey();
                ImageType t = ImageType.byName(e.getKey(), field);
                Map<String, Object> custom = e.getValue() == null ? Map.of() : asMap(e.getValue(), field);
                settings.with(custom, field); // validate now, so a bad key is reported at load time
                types.put(t, custom);
            }
        }

        Map<FeatureClass, List<String>> classes = new LinkedHashMap<>();
        if (!top.containsKey("featureClass")) {
            for (FeatureClass c : FeatureClass.values()) {
                classes.put(c, List.of());
            }
        } else if (top.get("featureClass") != null) {
            for (Map.Entry<String, Object> e : asMap(top.get("featureClass"), source + ": featureClass").entrySet()) {
                String field = source + ": featureClass." + e.getKey();
                FeatureClass c = FeatureClass.byName(e.getKey(), field);
                List<String> names = new ArrayList<>();
                if (e.getValue() instanceof List<?> l) {
                    for (Object o : l) {
                        names.add(String.valueOf(o));
                    }
                } else if (e.getValue() != null) {
                    names.add(String.valueOf(e.getValue()));
                }
                c.enabledNames(names, field); // validates names
                classes.put(c, names);
            }
        }
        return new ParameterSet(settings, types, classes, source);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o, String field) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new RadiomicsInputException(Reason.INVALID_PARAMETER, field, "expected a mapping, got " + o);
    }

    /** Number of features this parameter set yields per image for a 3D ROI (shape2D only with force2D). */
    public int expectedFeatureCount() {
        int n = 0;
        for (Map.Entry<FeatureClass, List<String>> e : featureClasses.entrySet()) {
            FeatureClass c = e.getKey();
            int per = c.enabledNames(e.getValue(), c.pyName()).size();
            if (c == FeatureClass.SHAPE) {
                n += per;
            } else if (c == FeatureClass.SHAPE2D) {
                n += settings.force2D() ? per : 0;
            } else {
                int images = 0;
                for (Map.Entry<ImageType, Map<String, Object>> t : imageTypes.entrySet()) {
                    images += imageCount(t.getKey(), settingsFor(t.getKey()));
                }
                n += per * images;
            }
        }
        return n;
    }

    private static int imageCount(ImageType t, ExtractionSettings s) {
        return switch (t) {
            case LOG -> s.sigma().length;
            case WAVELET -> s.level() * ((1 << (s.force2D() ? 2 : 3)) - 1) + 1;
            case LBP3D -> s.lbp3DLevels() + 1;
            default -> 1;
        };
    }
}
