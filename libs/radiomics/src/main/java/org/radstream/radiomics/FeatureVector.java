package org.radstream.radiomics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one extraction: features {@code <imageType>_<class>_<Feature> -> value} in PyRadiomics'
 * order, diagnostics {@code diagnostics_* -> text} (versions, effective settings, hashes, geometry, ROI), and
 * for each NaN feature the reason it could not be computed.
 */
public record FeatureVector(Map<String, Double> features, Map<String, String> diagnostics,
        Map<String, String> nanReasons) {

    public FeatureVector {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        nanReasons = Collections.unmodifiableMap(new LinkedHashMap<>(nanReasons));
    }

    public double get(String name) {
        Double v = features.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no feature " + name);
        }
        return v;
    }
}
