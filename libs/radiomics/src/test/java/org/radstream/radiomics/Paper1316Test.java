package org.radstream.radiomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bundled paper profile gives exactly 1316 named features, none NaN, on realistic single-slice ROIs. */
class Paper1316Test {

    @Test
    void paperProfileYields1316FeaturesWithoutNaN() throws IOException {
        ParameterSet p = ParameterSet.paper1316();
        assertEquals(1316, p.expectedFeatureCount());
        for (long seed : new long[] {1, 2, 3}) {
            SyntheticRoi roi = new SyntheticRoi(seed, 48, 44, 9);
            FeatureVector fv = new RadiomicsExtractor(p).extract(roi.image, roi.mask);
            assertEquals(1316, fv.features().size(), "feature count, seed " + seed);
            List<String> nan = fv.features().entrySet().stream().filter(e -> !Double.isFinite(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            assertTrue(nan.isEmpty(), "non-finite features: " + nan + " " + fv.nanReasons());
        }
    }

    @Test
    void namesAreThePyRadiomicsNames() throws IOException {
        SyntheticRoi roi = new SyntheticRoi(7, 48, 44, 9);
        FeatureVector fv = new RadiomicsExtractor(ParameterSet.paper1316()).extract(roi.image, roi.mask);
        for (String name : List.of("original_shape_Sphericity", "original_firstorder_10Percentile",
                "original_glcm_MCC", "log-sigma-2-0-mm-3D_glcm_Contrast", "log-sigma-3-0-mm-3D_ngtdm_Busyness",
                "wavelet-LHL_glszm_ZoneEntropy", "wavelet-LLL_firstorder_Mean", "wavelet-HHH_gldm_DependenceEntropy",
                "lbp-3D-m1_firstorder_Mean", "lbp-3D-m2_glrlm_RunEntropy", "lbp-3D-k_firstorder_Kurtosis")) {
            assertTrue(fv.features().containsKey(name), name + " missing");
        }
        long wavelets = fv.features().keySet().stream().filter(k -> k.startsWith("wavelet-"))
                .map(k -> k.substring(0, k.indexOf('_'))).distinct().count();
        assertEquals(8, wavelets);
    }
}
