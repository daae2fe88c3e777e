package org.radstream.radiomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.radiomics.RadiomicsInputException.Reason;

/** Each case of the "Bad input" list is a specific, named error. */
class BadInputTest {
    private final SyntheticRoi roi = new SyntheticRoi(11, 40, 40, 5);

    private static RadiomicsExtractor extractor(Map<String, Object> setting) {
        return new RadiomicsExtractor(ParameterSet.of(ExtractionSettings.fromPyRadiomics(setting, "test")));
    }

    @Test
    void maskWithoutTheLabel() {
        RadiomicsInputException e = assertThrows(RadiomicsInputException.class,
                () -> extractor(Map.of("label", 2)).extract(roi.image, roi.mask));
        assertEquals(Reason.LABEL_NOT_PRESENT, e.reason());
        assertTrue(e.getMessage().contains("label 2 not present") && e.getMessage().contains("[1]"), e.getMessage());
    }

    @Test
    void emptyMask() {
        LabelMap empty = new LabelMap(roi.mask.geometry(), new int[roi.mask.labels().length]);
        RadiomicsInputException e = assertThrows(RadiomicsInputException.class,
                () -> extractor(Map.of()).extract(roi.image, empty));
        assertEquals(Reason.LABEL_NOT_PRESENT, e.reason());
    }

    @Test
    void roiSmallerThanMinimumRoiSize() {
        int n = roi.mask.count(1);
        RadiomicsInputException e = assertThrows(RadiomicsInputException.class,
                () -> extractor(Map.of("minimumROISize", n)).extract(roi.image, roi.mask));
        assertEquals(Reason.ROI_TOO_SMALL, e.reason());
        assertEquals("minimumROISize", e.field());
        // PyRadiomics' rule is size <= minimum: one fewer passes
        extractor(Map.of("minimumROISize", n - 1)).extract(roi.image, roi.mask);
    }

    @Test
    void singleVoxelRoi() {
        int[] l = new int[roi.mask.labels().length];
        l[roi.mask.geometry().index(20, 20, 2)] = 1;
        RadiomicsInputException e = assertThrows(RadiomicsInputException.class,
                () -> extractor(Map.of()).extract(roi.image, new LabelMap(roi.mask.geometry(), l)));
        assertEquals(Reason.ROI_TOO_FEW_DIMENSIONS, e.reason());
    }

    @Test
    void geometryMismatchBeyondTolerance() {
        Geometry g = roi.mask.geometry();
        double[] origin = g.origin();
        origin[0] += 0.5; // half a voxel
        LabelMap shifted = new LabelMap(new Geometry(g.nx(), g.ny(), g.nz(), g.spacing(), origin, g.direction()),
                roi.mask.labels());
        RadiomicsInputException e = assertThrows(RadiomicsInputException.class,
                () -> extractor(Map.of()).extract(roi.image, shifted));
        assertEquals(Reason.GEOMETRY_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("correctMask"));
        // within tolerance passes; with correctMask the mask is resampled onto the image grid
        origin[0] = g.origin()[0] + 1e-9;
        LabelMap close = new LabelMap(new Geometry(g.nx(), g.ny(), g.nz(), g.spacing(), origin, g.direction()),
                roi.mask.labels());
        extractor(Map.of()).extract(roi.image, close);
        extractor(Map.of("correctMask", true)).extract(roi.image, shifted);
    }

    @Test
    void nanInImage() {
        float[] v = roi.image.voxels().clone();
        v[roi.image.geometry().index(3, 4, 1)] = Float.NaN;
        RadiomicsInputException e = assertThrows(RadiomicsInputException.class,
                () -> extractor(Map.of()).extract(new Volume(roi.image.geometry(), v), roi.mask));
        assertEquals(Reason.NON_FINITE_INTENSITY, e.reason());
        assertTrue(e.getMessage().contains("(3, 4, 1)"), e.getMessage());
    }

    private static ParameterSet yaml(String text) throws IOException {
        return ParameterSet.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "params.yaml");
    }

    @Test
    void unknownImageTypeInYaml() {
        RadiomicsInputException e = assertThrows(RadiomicsInputException.class,
                () -> yaml("imageType:\n  Original: {}\n  Gabor: {}\n"));
        assertEquals(Reason.UNKNOWN_PARAMETER, e.reason());
        assertTrue(e.getMessage().contains("Gabor") && e.getMessage().contains("params.yaml"), e.getMessage());
    }

    @Test
    void unknownFeatureClassInYaml() {
        RadiomicsInputException e = assertThrows(RadiomicsInputException.class,
                () -> yaml("featureClass:\n  glcm:\n  gldzm:\n"));
        assertEquals(Reason.UNKNOWN_PARAMETER, e.reason());
        assertTrue(e.getMessage().contains("gldzm"), e.getMessage());
    }

    @Test
    void unknownFeatureSettingOrTopLevelKeyInYaml() throws IOException {
        assertTrue(assertThrows(RadiomicsInputException.class, () -> yaml("featureClass:\n  glcm: [Contrast, Sharpness]\n"))
                .getMessage().contains("Sharpness"));
        assertTrue(assertThrows(RadiomicsInputException.class, () -> yaml("setting:\n  binWidht: 5\n"))
                .getMessage().contains("binWidht"));
        assertTrue(assertThrows(RadiomicsInputException.class, () -> yaml("settings:\n  binWidth: 5\n"))
                .getMessage().contains("settings"));
        assertTrue(assertThrows(RadiomicsInputException.class, () -> yaml("imageType:\n  LoG: {sigma: [0]}\n"))
                .getMessage().contains("sigma"));
        // every pywt.wavelist(kind='discrete') name is accepted; others name the key and list the valid names
        for (String w : List.of("sym7", "coif12", "bior2.2", "rbio6.8", "dmey", "DB38")) {
            assertEquals(w, yaml("imageType:\n  Wavelet: {wavelet: " + w + "}\n").imageTypes().get(ImageType.WAVELET)
                    .get("wavelet"));
        }
        for (String w : List.of("sym21", "bior2.3", "db0", "mexh")) {
            RadiomicsInputException e = assertThrows(RadiomicsInputException.class,
                    () -> yaml("imageType:\n  Wavelet: {wavelet: " + w + "}\n"));
            assertEquals(Reason.INVALID_PARAMETER, e.reason());
            assertTrue(e.getMessage().contains("'" + w + "'") && e.getMessage().contains("wavelet")
                    && e.getMessage().contains("sym2..sym20") && e.getMessage().contains("dmey"), e.getMessage());
        }
    }

    @Test
    void voxelSettingIsRefusedAsVoxelBasedExtractionIsNotSupported() throws IOException {
        RadiomicsInputException e = assertThrows(RadiomicsInputException.class,
                () -> yaml("setting:\n  binWidth: 25\nvoxelSetting:\n  kernelRadius: 2\n  maskedKernel: true\n"));
        assertEquals(Reason.UNKNOWN_PARAMETER, e.reason());
        assertEquals("params.yaml: voxelSetting", e.field());
        assertTrue(e.getMessage().contains("voxel-based extraction") && e.getMessage().contains("not supported"),
                e.getMessage());
        yaml("setting:\n  binWidth: 25\nvoxelSetting:\n"); // an empty section asks for nothing
    }
}
