package org.radstream.imaging.preprocess;

import java.util.List;
import java.util.Objects;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/**
 * The compact output of preprocessing: the resampled, normalised neighbourhood of one ROI (bounding
 * box plus padding) and its 0/1 mask on the same grid, with where it came from.
 *
 * @param image        float voxels (z-scores when normalised) on the cropped 1 mm grid
 * @param mask         0/1 ROI mask on the same grid
 * @param sourceUids   UIDs of the inputs (e.g. SeriesInstanceUID of the image, SOP Instance UID of a SEG)
 * @param maskSource   where the mask came from (file name, SEG UID, reader), free text without patient data
 * @param settingsHash {@link PreprocessingSettings#hash()} of the settings used
 */
public record PreprocessedRoi(Volume image, LabelMap mask, List<String> sourceUids, String maskSource, String settingsHash) {
    public PreprocessedRoi {
        Objects.requireNonNull(image);
        Objects.requireNonNull(mask);
        if (!image.geometry().equals(mask.geometry())) {
            throw new IllegalArgumentException("image and mask must share the grid: " + image.geometry() + " vs " + mask.geometry());
        }
        sourceUids = List.copyOf(sourceUids);
        Objects.requireNonNull(maskSource);
        Objects.requireNonNull(settingsHash);
    }

    public Geometry geometry() {
        return image.geometry();
    }

    /** Number of ROI voxels. */
    public int roiVoxels() {
        return mask.count(1);
    }
}
