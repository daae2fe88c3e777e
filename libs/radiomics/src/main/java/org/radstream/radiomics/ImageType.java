package org.radstream.radiomics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.radiomics.filters.FilteredImage;
import org.radstream.radiomics.filters.IntensityFilters;
import org.radstream.radiomics.filters.LbpFilter;
import org.radstream.radiomics.filters.LogFilter;
import org.radstream.radiomics.filters.WaveletFilter;
import org.radstream.radiomics.preprocess.BoundingBox;

/**
 * The image types of a PyRadiomics parameter file ({@code imageType:} keys), each producing one or more
 * derived images named as PyRadiomics names them. Filters run on the whole (possibly normalised,
 * resampled or pre-cropped) image; features are then taken inside the ROI.
 */
public enum ImageType {
    ORIGINAL("Original"),
    LOG("LoG"),
    WAVELET("Wavelet"),
    SQUARE("Square"),
    SQUAREROOT("SquareRoot"),
    LOGARITHM("Logarithm"),
    EXPONENTIAL("Exponential"),
    GRADIENT("Gradient"),
    LBP2D("LBP2D"),
    LBP3D("LBP3D");

    private final String pyName;

    ImageType(String pyName) {
        this.pyName = pyName;
    }

    public String pyName() {
        return pyName;
    }

    public static ImageType byName(String name, String field) {
        for (ImageType t : values()) {
            if (t.pyName.equals(name)) {
                return t;
            }
        }
        throw new RadiomicsInputException(RadiomicsInputException.Reason.UNKNOWN_PARAMETER, field,
                "unknown image type '" + name + "'; known: " + Arrays.stream(values()).map(ImageType::pyName).toList());
    }

    /** The derived images of this type (PyRadiomics {@code get<Type>Image}), on the whole image. */
    public List<FilteredImage> apply(Volume image, LabelMap mask, ExtractionSettings s) {
        return apply(image, mask, s, null);
    }

    /**
     * The derived images of this type; LoG and wavelet values are computed only inside {@code region} (the
     * ROI bounding box the features read; null for the whole image) and are 0 elsewhere.
     */
    public List<FilteredImage> apply(Volume image, LabelMap mask, ExtractionSettings s, BoundingBox region) {
        int excluded = s.force2D() ? s.force2Ddimension() : -1;
        int[] lo = region == null ? null : new int[] {region.x0(), region.y0(), region.z0()};
        int[] hi = region == null ? null : new int[] {region.x1(), region.y1(), region.z1()};
        return switch (this) {
            case ORIGINAL -> List.of(new FilteredImage("original", image));
            case LOG -> {
                List<FilteredImage> out = new ArrayList<>();
                double[] sigmas = s.sigma();
                String[] text = s.sigmaText();
                for (int i = 0; i < sigmas.length; i++) {
                    Volume v = LogFilter.apply(image, sigmas[i], lo, hi);
                    if (v != null) {
                        out.add(new FilteredImage(LogFilter.name(text[i]), v));
                    }
                }
                yield out;
            }
            case WAVELET -> WaveletFilter.apply(image, s.wavelet(), s.level(), s.startLevel(), excluded, lo, hi);
            case SQUARE -> List.of(new FilteredImage("square", IntensityFilters.square(image)));
            case SQUAREROOT -> List.of(new FilteredImage("squareroot", IntensityFilters.squareRoot(image)));
            case LOGARITHM -> List.of(new FilteredImage("logarithm", IntensityFilters.logarithm(image)));
            case EXPONENTIAL -> List.of(new FilteredImage("exponential", IntensityFilters.exponential(image)));
            case GRADIENT -> List.of(new FilteredImage("gradient", IntensityFilters.gradientMagnitude(image, s.gradientUseSpacing())));
            case LBP2D -> List.of(new FilteredImage("lbp-2D", LbpFilter.lbp2D(image, s.lbp2DRadius(), s.lbp2DSamples(),
                    s.lbp2DMethod(), s.force2Ddimension())));
            case LBP3D -> LbpFilter.lbp3D(image, mask, s.label(), s.lbp3DLevels(), s.lbp3DIcosphereRadius(),
                    s.lbp3DIcosphereSubdivision());
        };
    }
}
