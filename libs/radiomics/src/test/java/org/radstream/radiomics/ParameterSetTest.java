package org.radstream.radiomics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radstream.radiomics.features.FeatureClass;

/** PyRadiomics parameter files load unchanged. */
class ParameterSetTest {

    @Test
    void pyradiomicsExampleParamsYamlLoads() throws IOException {
        // examples/exampleSettings/Params.yaml from AIM-Harvard/pyradiomics, as shipped in ../shared
        ParameterSet p = ParameterSet.load(SharedData.refdata("pyradiomics-breast1/Params.yaml"));
        assertEquals(25, p.settings().binWidth());
        assertEquals(ExtractionSettings.Interpolator.BSPLINE, p.settings().interpolator());
        assertNull(p.settings().resampledPixelSpacing());
        assertEquals(ExtractionSettings.WeightingNorm.NONE, p.settings().weightingNorm());
        assertEquals(List.of(ImageType.ORIGINAL), List.copyOf(p.imageTypes().keySet()));
        assertEquals(22, p.featureClasses().get(FeatureClass.GLCM).size());
        // shape 14 + firstorder 18 + glcm 22 + glrlm 16 + glszm 16 + gldm 14
        assertEquals(14 + 18 + 22 + 16 + 16 + 14, p.expectedFeatureCount());
    }

    @Test
    void imageTypeSettingsOverrideGlobalOnes() throws IOException {
        ParameterSet p = ParameterSet.parse(new java.io.ByteArrayInputStream(
                ("setting: {binWidth: 10, sigma: [1.0]}\n"
                        + "imageType:\n  Original: {}\n  LoG: {sigma: [2.0, 3.0], binWidth: 5}\n").getBytes()), "x");
        assertEquals(10, p.settingsFor(ImageType.ORIGINAL).binWidth());
        assertEquals(5, p.settingsFor(ImageType.LOG).binWidth());
        assertArrayEquals(new double[] {2, 3}, p.settingsFor(ImageType.LOG).sigma());
    }

    @Test
    void emptyInterpolatorDisablesResamplingAsInPyRadiomics() throws IOException {
        // PyRadiomics loadImage resamples only if interpolator is not None and resampledPixelSpacing is not None
        ParameterSet p = ParameterSet.parse(new java.io.ByteArrayInputStream(
                "setting:\n  interpolator:\n  resampledPixelSpacing: [2, 2, 2]\n".getBytes()), "x");
        assertEquals(ExtractionSettings.Interpolator.NONE, p.settings().interpolator());
        SyntheticRoi roi = new SyntheticRoi(3, 30, 30, 5);
        FeatureVector fv = new RadiomicsExtractor(p).extract(roi.image, roi.mask);
        assertEquals(null, fv.diagnostics().get("diagnostics_Image-interpolated_Size"));
    }

    @Test
    void paperProfileCount() throws IOException {
        ParameterSet p = ParameterSet.paper1316();
        assertEquals(107 + 13 * 93, p.expectedFeatureCount());
    }
}
