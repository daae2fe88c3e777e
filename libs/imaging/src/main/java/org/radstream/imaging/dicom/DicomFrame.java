package org.radstream.imaging.dicom;

import java.nio.file.Path;
import java.time.LocalTime;

/**
 * One image plane of a series: a single-frame instance, or one frame of a multi-frame (enhanced)
 * instance with its per-frame functional groups resolved. Arrays are defensive copies; absent
 * geometry is {@code null} (a series without it cannot become a volume).
 *
 * @param file            the Part-10 file holding the pixels
 * @param frameIndex      0-based frame within the file (0 for single-frame instances)
 * @param sopInstanceUid  SOP Instance UID of the file
 * @param instanceNumber  InstanceNumber (0020,0013), 0 when absent
 * @param rows            Rows (0028,0010)
 * @param columns         Columns (0028,0011)
 * @param position        ImagePositionPatient (0020,0032), LPS mm, or null
 * @param orientation     ImageOrientationPatient (0020,0037): row then column direction cosines, or null
 * @param pixelSpacing    PixelSpacing (0028,0030): [between rows (y), between columns (x)] mm, or null
 * @param sliceThickness  SliceThickness (0018,0050) mm, NaN when absent
 * @param spacingBetweenSlices SpacingBetweenSlices (0018,0088) mm, NaN when absent
 * @param rescaleSlope    RescaleSlope (0028,1053), 1 when absent
 * @param rescaleIntercept RescaleIntercept (0028,1052), 0 when absent
 * @param acquisitionTime AcquisitionTime (0008,0032) or FrameAcquisitionDateTime's time, or null
 */
public record DicomFrame(Path file, int frameIndex, String sopInstanceUid, int instanceNumber, int rows, int columns,
        double[] position, double[] orientation, double[] pixelSpacing, double sliceThickness,
        double spacingBetweenSlices, double rescaleSlope, double rescaleIntercept, LocalTime acquisitionTime) {

    public DicomFrame {
        position = position == null ? null : position.clone();
        orientation = orientation == null ? null : orientation.clone();
        pixelSpacing = pixelSpacing == null ? null : pixelSpacing.clone();
    }

    @Override
    public double[] position() {
        return position == null ? null : position.clone();
    }

    @Override
    public double[] orientation() {
        return orientation == null ? null : orientation.clone();
    }

    @Override
    public double[] pixelSpacing() {
        return pixelSpacing == null ? null : pixelSpacing.clone();
    }

    /** Whether position, orientation and pixel spacing are all present. */
    public boolean hasGeometry() {
        return position != null && orientation != null && pixelSpacing != null;
    }
}
