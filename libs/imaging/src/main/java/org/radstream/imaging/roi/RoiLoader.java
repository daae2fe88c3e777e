package org.radstream.imaging.roi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.radstream.imaging.LabelMap;
import org.radstream.imaging.dicom.RtStructReader;
import org.radstream.imaging.dicom.RtStructureSet;
import org.radstream.imaging.dicom.SegReader;
import org.radstream.imaging.dicom.SeriesVolume;
import org.radstream.imaging.io.NiftiReader;
import org.radstream.imaging.io.NrrdReader;

/**
 * Loads a ROI of any supported kind onto the grid of a DICOM series, as a 0/1 mask:
 * <ul>
 * <li>NIfTI ({@code .nii}, {@code .nii.gz}; ITK-SNAP) and NRRD ({@code .nrrd}, {@code .nhdr}; 3D Slicer):
 *     voxels equal to {@code label}, mapped by patient coordinates ({@link RoiMapper});</li>
 * <li>DICOM SEG: segment number {@code label} (fractional segments thresholded at 0.5), after a
 *     frame-of-reference check;</li>
 * <li>DICOM RT Structure Set: the ROI whose ROINumber is {@code label}, rasterised, after a
 *     frame-of-reference check.</li>
 * </ul>
 */
public final class RoiLoader {

    private RoiLoader() {
    }

    public static LabelMap load(Path roiFile, SeriesVolume series, int label) throws IOException {
        String name = roiFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            return RoiMapper.map(NiftiReader.readLabelMap(roiFile), label, series.volume().geometry(), roiFile);
        }
        if (name.endsWith(".nrrd") || name.endsWith(".nhdr")) {
            return RoiMapper.map(NrrdReader.readLabelMap(roiFile), label, series.volume().geometry(), roiFile);
        }
        String modality = modality(roiFile);
        if ("RTSTRUCT".equals(modality)) {
            RtStructureSet set = RtStructReader.read(roiFile);
            for (RtStructureSet.Roi roi : set.rois()) {
                if (roi.number() == label) {
                    return set.maskOn(series, roi.name());
                }
            }
            throw new org.radstream.imaging.ImageInputException(roiFile, "ROINumber",
                    org.radstream.imaging.ImageInputException.Reason.MISSING_FIELD,
                    "no ROI numbered " + label + " (have " + set.rois().stream().map(r -> r.number() + " " + r.name()).toList() + ")");
        }
        return SegReader.read(roiFile).maskOn(series, label, 0.5);
    }

    private static String modality(Path file) throws IOException {
        return org.radstream.imaging.dicom.DicomSeriesReader.modality(file);
    }
}
