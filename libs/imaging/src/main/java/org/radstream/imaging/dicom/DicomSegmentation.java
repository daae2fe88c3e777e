package org.radstream.imaging.dicom;

import java.nio.file.Path;
import java.util.List;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;

/**
 * A DICOM Segmentation object (PS3.3 C.8.20) as read by {@link SegReader}: its identity, segments and
 * frames. {@link #toMask} rasterises one segment onto a series grid through patient coordinates.
 *
 * @param file                 where it was read from
 * @param sopInstanceUid       of the SEG
 * @param seriesInstanceUid    of the SEG
 * @param frameOfReferenceUid  must equal the series' to be mapped onto it
 * @param referencedSeriesUids series the SEG was drawn on (ReferencedSeriesSequence)
 * @param fractional           SegmentationType FRACTIONAL (else BINARY)
 * @param maxFractionalValue   MaximumFractionalValue (1 for BINARY)
 * @param segments             the segments defined
 * @param frames               the frames, in file order
 */
public record DicomSegmentation(Path file, String sopInstanceUid, String seriesInstanceUid, String frameOfReferenceUid,
        List<String> referencedSeriesUids, boolean fractional, int maxFractionalValue, List<Segment> segments,
        List<Frame> frames) {

    public DicomSegmentation {
        referencedSeriesUids = List.copyOf(referencedSeriesUids);
        segments = List.copyOf(segments);
        frames = List.copyOf(frames);
    }

    /** SegmentNumber and SegmentLabel of one segment. */
    public record Segment(int number, String label) {
    }

    /**
     * One frame: which segment, where (ImagePositionPatient of pixel (0,0), row/column cosines, spacing),
     * and its pixel values (0/1, or 0…MaximumFractionalValue), rows × columns, row by row.
     */
    public record Frame(int segmentNumber, double[] position, double[] orientation, double[] pixelSpacing, int rows,
            int columns, int[] values) {
    }

    /**
     * Segment {@code segmentNumber} on the grid of a series read by {@link DicomSeriesReader}, after
     * checking that both share the frame of reference.
     */
    public LabelMap maskOn(SeriesVolume series, int segmentNumber, double threshold) throws ImageInputException {
        org.radstream.imaging.roi.RoiMapper.requireSameFrameOfReference(frameOfReferenceUid,
                series.series().frameOfReferenceUid(), file);
        return toMask(segmentNumber, series.volume().geometry(), threshold);
    }

    /**
     * Segment {@code segmentNumber} on {@code target}: each frame pixel with value ≥ threshold (binary:
     * 1; fractional: {@code threshold · MaximumFractionalValue}) sets the target voxel nearest to its
     * centre. Intended for SEGs on the series grid (the usual case).
     *
     * @param threshold fraction in (0, 1] for fractional segmentations (ignored for binary)
     */
    public LabelMap toMask(int segmentNumber, Geometry target, double threshold) throws ImageInputException {
        int[] out = new int[target.voxelCount()];
        int[] n = {target.nx(), target.ny(), target.nz()};
        boolean any = false;
        double cut = fractional ? threshold * maxFractionalValue : 1;
        for (Frame f : frames) {
            if (f.segmentNumber() != segmentNumber) {
                continue;
            }
            double[] r = {f.orientation()[0], f.orientation()[1], f.orientation()[2]};
            double[] c = {f.orientation()[3], f.orientation()[4], f.orientation()[5]};
            for (int row = 0; row < f.rows(); row++) {
                for (int col = 0; col < f.columns(); col++) {
                    if (f.values()[row * f.columns() + col] < cut) {
                        continue;
                    }
                    double dx = col * f.pixelSpacing()[1];
                    double dy = row * f.pixelSpacing()[0];
                    double[] p = {f.position()[0] + r[0] * dx + c[0] * dy, f.position()[1] + r[1] * dx + c[1] * dy,
                        f.position()[2] + r[2] * dx + c[2] * dy};
                    double[] x = target.physicalToIndex(p);
                    int[] v = new int[3];
                    for (int a = 0; a < 3; a++) {
                        v[a] = (int) Math.floor(x[a] + 0.5);
                        if (v[a] < 0 || v[a] >= n[a] || Math.abs(x[a] - v[a]) > 0.5 + 1e-3) {
                            throw new ImageInputException(file, "PlanePositionSequence", Reason.MASK_OUTSIDE_IMAGE,
                                    "segment " + segmentNumber + " pixel (" + col + "," + row + ") lies outside the target grid along "
                                            + "xyz".charAt(a));
                        }
                    }
                    out[target.index(v[0], v[1], v[2])] = 1;
                    any = true;
                }
            }
        }
        if (!any) {
            throw new ImageInputException(file, "segment " + segmentNumber, Reason.EMPTY_MASK, "segment has no foreground pixel");
        }
        return new LabelMap(target, out);
    }
}
