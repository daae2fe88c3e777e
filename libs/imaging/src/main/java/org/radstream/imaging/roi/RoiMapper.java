package org.radstream.imaging.roi;

import java.nio.file.Path;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;

/**
 * Carries a ROI drawn on one grid (e.g. the DP or T2 series, or a NIfTI/NRRD file) onto another grid
 * of the same frame of reference through patient coordinates: a target voxel belongs to the ROI when
 * the source voxel nearest to its centre does ({@code round-half-up} of the continuous index
 * {@code D_s⁻¹ (p − o_s)/s_s}). Orientation, flips, spacing and origin of either grid may differ.
 */
public final class RoiMapper {

    private RoiMapper() {
    }

    /**
     * @param mask   source label map
     * @param label  the ROI label in {@code mask}
     * @param target grid to map onto
     * @param file   source file named in errors (may be null)
     * @return 0/1 label map on {@code target}
     * @throws ImageInputException EMPTY_MASK if the source has no such label; MASK_OUTSIDE_IMAGE if a ROI
     *                             voxel centre of the source lies outside the target grid
     */
    public static LabelMap map(LabelMap mask, int label, Geometry target, Path file) throws ImageInputException {
        Geometry sg = mask.geometry();
        int[] src = mask.labels();
        int n = 0;
        int[] tn = {target.nx(), target.ny(), target.nz()};
        for (int k = 0; k < sg.nz(); k++) {
            for (int j = 0; j < sg.ny(); j++) {
                for (int i = 0; i < sg.nx(); i++) {
                    if (src[sg.index(i, j, k)] != label) {
                        continue;
                    }
                    n++;
                    double[] x = target.physicalToIndex(sg.indexToPhysical(i, j, k));
                    for (int a = 0; a < 3; a++) {
                        if (x[a] < -0.5 - 1e-6 || x[a] > tn[a] - 0.5 + 1e-6) {
                            throw new ImageInputException(file, "ROI voxel (" + i + "," + j + "," + k + ")", Reason.MASK_OUTSIDE_IMAGE,
                                    "lies outside the target image along " + "xyz".charAt(a));
                        }
                    }
                }
            }
        }
        if (n == 0) {
            throw new ImageInputException(file, "label " + label, Reason.EMPTY_MASK, "mask has no voxel with label " + label);
        }
        // only target voxels near the ROI can be inside it: scan the ROI's bounding box in target indices
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int k = 0; k < sg.nz(); k++) {
            for (int j = 0; j < sg.ny(); j++) {
                for (int i = 0; i < sg.nx(); i++) {
                    if (src[sg.index(i, j, k)] != label) {
                        continue;
                    }
                    for (int c = 0; c < 8; c++) {
                        double[] x = target.physicalToIndex(sg.indexToPhysical(i + ((c & 1) == 0 ? -0.5 : 0.5),
                                j + ((c & 2) == 0 ? -0.5 : 0.5), k + ((c & 4) == 0 ? -0.5 : 0.5)));
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], (int) Math.floor(x[a]) - 1);
                            hi[a] = Math.max(hi[a], (int) Math.ceil(x[a]) + 1);
                        }
                    }
                }
            }
        }
        int[] out = new int[target.voxelCount()];
        int[] sn = {sg.nx(), sg.ny(), sg.nz()};
        for (int k = Math.max(0, lo[2]); k <= Math.min(tn[2] - 1, hi[2]); k++) {
            for (int j = Math.max(0, lo[1]); j <= Math.min(tn[1] - 1, hi[1]); j++) {
                for (int i = Math.max(0, lo[0]); i <= Math.min(tn[0] - 1, hi[0]); i++) {
                    double[] x = sg.physicalToIndex(target.indexToPhysical(i, j, k));
                    int si = (int) Math.floor(x[0] + 0.5);
                    int sj = (int) Math.floor(x[1] + 0.5);
                    int sk = (int) Math.floor(x[2] + 0.5);
                    if (si >= 0 && sj >= 0 && sk >= 0 && si < sn[0] && sj < sn[1] && sk < sn[2]
                            && src[sg.index(si, sj, sk)] == label) {
                        out[target.index(i, j, k)] = 1;
                    }
                }
            }
        }
        LabelMap mapped = new LabelMap(target, out);
        if (mapped.count(1) == 0) {
            throw new ImageInputException(file, "label " + label, Reason.MASK_OUTSIDE_IMAGE,
                    "no target voxel centre falls inside the ROI (ROI thinner than the target grid)");
        }
        return mapped;
    }

    /** Refuses to combine a mask and a series of different DICOM frames of reference. */
    public static void requireSameFrameOfReference(String maskFrameOfReference, String seriesFrameOfReference, Path maskFile)
            throws ImageInputException {
        if (maskFrameOfReference == null || maskFrameOfReference.isEmpty() || !maskFrameOfReference.equals(seriesFrameOfReference)) {
            throw new ImageInputException(maskFile, "FrameOfReferenceUID (0020,0052)", Reason.FRAME_OF_REFERENCE_MISMATCH,
                    "mask frame of reference " + maskFrameOfReference + " differs from the series' " + seriesFrameOfReference);
        }
    }
}
