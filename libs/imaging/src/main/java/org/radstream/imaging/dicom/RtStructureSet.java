package org.radstream.imaging.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.roi.RoiMapper;

/**
 * A DICOM RT Structure Set (PS3.3 A.19) as read by {@link RtStructReader}: ROIs with their closed
 * planar contours in patient coordinates. {@link #rasterise} fills one ROI on a series grid.
 *
 * @param file                where it was read from
 * @param sopInstanceUid      of the structure set
 * @param frameOfReferenceUid of the referenced frame of reference
 * @param rois                the ROIs
 */
public record RtStructureSet(Path file, String sopInstanceUid, String frameOfReferenceUid, List<Roi> rois) {

    public RtStructureSet {
        rois = List.copyOf(rois);
    }

    /** An ROI: number, name, and its contours (each x1,y1,z1,x2,… in LPS mm). */
    public record Roi(int number, String name, String frameOfReferenceUid, List<Contour> contours) {
        public Roi {
            contours = List.copyOf(contours);
        }
    }

    /** ContourGeometricType and ContourData. */
    public record Contour(String geometricType, double[] points) {
    }

    public Roi roi(String name) throws ImageInputException {
        for (Roi r : rois) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new ImageInputException(file, "StructureSetROISequence", Reason.MISSING_FIELD,
                "no ROI named \"" + name + "\" (have " + rois.stream().map(Roi::name).toList() + ")");
    }

    /** The ROI on a series read by {@link DicomSeriesReader}, after checking the frame of reference. */
    public LabelMap maskOn(SeriesVolume series, String roiName) throws ImageInputException {
        Roi roi = roi(roiName);
        String frame = roi.frameOfReferenceUid().isEmpty() ? frameOfReferenceUid : roi.frameOfReferenceUid();
        RoiMapper.requireSameFrameOfReference(frame, series.series().frameOfReferenceUid(), file);
        return rasterise(roi, series.volume().geometry());
    }

    /**
     * Fills the CLOSED_PLANAR contours of an ROI on a grid whose slices are parallel to them: each
     * contour is put into continuous voxel indices, assigned to the slice k nearest its plane (it must
     * lie within 0.5 voxel of a slice centre, and be flat to within 0.25 voxel), and filled by the
     * even–odd rule at voxel centres (a centre on a left edge is inside, on a right edge outside);
     * several contours on one slice combine by XOR, so inner contours cut holes. POINT and OPEN_PLANAR
     * contours are not areas and are skipped.
     */
    public LabelMap rasterise(Roi roi, Geometry g) throws ImageInputException {
        int[] out = new int[g.voxelCount()];
        for (Contour c : roi.contours()) {
            if (!"CLOSED_PLANAR".equals(c.geometricType())) {
                continue;
            }
            double[] p = c.points();
            int n = p.length / 3;
            if (n < 3) {
                continue;
            }
            double[] xs = new double[n];
            double[] ys = new double[n];
            double zMin = Double.MAX_VALUE;
            double zMax = -Double.MAX_VALUE;
            for (int t = 0; t < n; t++) {
                double[] idx = g.physicalToIndex(new double[] {p[3 * t], p[3 * t + 1], p[3 * t + 2]});
                xs[t] = idx[0];
                ys[t] = idx[1];
                zMin = Math.min(zMin, idx[2]);
                zMax = Math.max(zMax, idx[2]);
            }
            if (zMax - zMin > 0.25) {
                throw new ImageInputException(file, "ContourData (ROI " + roi.name() + ")", Reason.INCONSISTENT_GEOMETRY,
                        "contour is not parallel to the series slices (spans " + String.format(java.util.Locale.ROOT, "%.2f", zMax - zMin)
                                + " slices)");
            }
            double zc = (zMin + zMax) / 2;
            int k = (int) Math.round(zc);
            if (Math.abs(zc - k) > 0.5 || k < 0 || k >= g.nz()) {
                throw new ImageInputException(file, "ContourData (ROI " + roi.name() + ")", Reason.MASK_OUTSIDE_IMAGE,
                        "contour plane (slice index " + String.format(java.util.Locale.ROOT, "%.2f", zc) + ") is outside the series");
            }
            for (int t = 0; t < n; t++) {
                if (xs[t] < -0.5 || xs[t] > g.nx() - 0.5 || ys[t] < -0.5 || ys[t] > g.ny() - 0.5) {
                    throw new ImageInputException(file, "ContourData (ROI " + roi.name() + ")", Reason.MASK_OUTSIDE_IMAGE,
                            "contour point " + (t + 1) + " lies outside the series' field of view");
                }
            }
            for (int j = 0; j < g.ny(); j++) {
                List<Double> cross = new ArrayList<>();
                for (int a = 0, b = n - 1; a < n; b = a++) {
                    if ((ys[a] <= j && j < ys[b]) || (ys[b] <= j && j < ys[a])) {
                        cross.add(xs[a] + (j - ys[a]) * (xs[b] - xs[a]) / (ys[b] - ys[a]));
                    }
                }
                cross.sort(null);
                for (int q = 0; q + 1 < cross.size(); q += 2) {
                    int from = (int) Math.ceil(cross.get(q));
                    int to = (int) Math.ceil(cross.get(q + 1)) - 1;
                    for (int i = Math.max(0, from); i <= Math.min(g.nx() - 1, to); i++) {
                        out[g.index(i, j, k)] ^= 1;
                    }
                }
            }
        }
        LabelMap m = new LabelMap(g, out);
        if (m.count(1) == 0) {
            throw new ImageInputException(file, "ROIContourSequence (ROI " + roi.name() + ")", Reason.EMPTY_MASK,
                    "no voxel centre lies inside the ROI's closed contours");
        }
        return m;
    }
}
