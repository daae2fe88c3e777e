package org.radstream.imaging.preprocess;

import java.nio.file.Path;
import java.util.List;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.ImageInputException.Reason;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/**
 * Step 1 of the study (DESIGN §1): z-score the image, resample image and ROI mask to 1×1×1 mm, crop to
 * the ROI bounding box plus padding. Follows PyRadiomics' {@code loadImage} → {@code normalizeImage} →
 * {@code resampleImage} (radiomics/imageoperations.py):
 *
 * <ol>
 * <li>Normalise the whole image ({@link ZScoreNormalizer}) before any resampling.</li>
 * <li>Bounding box of the label in the mask ({@code lo}, {@code size} per axis); reject an empty mask
 *     and a box whose corners {@code lo − ½}, {@code lo + size − ½} fall outside the image by more
 *     than 1e-3 voxel (PyRadiomics {@code _checkROI}).</li>
 * <li>New spacing s' = settings spacing (0 → mask spacing; axes the ROI spans with one voxel keep the
 *     mask spacing). If s' equals the image spacing ({@link ResamplingGrid#sameSpacing}, numpy.allclose:
 *     |Δ| ≤ 1e-8 + 1e-5·s'), only the mask is put on the image grid (nearest) and both are cropped to
 *     the box ± padDistance.</li>
 * <li>Otherwise the image is interpolated onto {@link ResamplingGrid#around} (the box ± padDistance at
 *     spacing s', aligned to the mask), the mask by nearest neighbour (or partial volume).</li>
 * </ol>
 * Same input and settings give bitwise the same output.
 */
public final class RoiPreprocessor {

    private final PreprocessingSettings settings;

    public RoiPreprocessor(PreprocessingSettings settings) {
        this.settings = settings;
    }

    public PreprocessingSettings settings() {
        return settings;
    }

    /**
     * @param image      the series volume
     * @param mask       ROI label map (any grid in the same patient space)
     * @param maskFile   for error messages (may be null)
     * @param sourceUids provenance: image and mask UIDs
     * @param maskSource provenance: description of the mask
     */
    public PreprocessedRoi preprocess(Volume image, LabelMap mask, Path maskFile, List<String> sourceUids, String maskSource)
            throws ImageInputException {
        int label = settings.label();
        Geometry mg = mask.geometry();
        int[] bb = boundingBox(mask, label);
        if (bb == null) {
            throw new ImageInputException(maskFile, "label " + label, Reason.EMPTY_MASK, "mask has no voxel with label " + label);
        }
        checkRoiInsideImage(image.geometry(), mg, bb, maskFile);

        Volume img = settings.normalize()
                ? ZScoreNormalizer.normalize(image, settings.normalizeScale(), settings.removeOutliers()) : image;

        int[] lo = {bb[0], bb[1], bb[2]};
        int[] roiSize = {bb[3], bb[4], bb[5]};
        double[] s = ResamplingGrid.spacing(settings.resampledPixelSpacing(), mg.spacing(), roiSize);
        double[] imageSpacing = image.geometry().spacing();
        int pad = settings.padDistance();
        if (ResamplingGrid.sameSpacing(imageSpacing, s)) {
            // PyRadiomics: mask onto the image grid, then crop image and mask to the box ± pad
            LabelMap onImage = Resampler.resampleMask(mask, label, image.geometry(), MaskInterpolation.NEAREST, 0.5);
            int[] b = boundingBox(onImage, 1);
            if (b == null) {
                throw new ImageInputException(maskFile, "label " + label, Reason.MASK_OUTSIDE_IMAGE,
                        "no ROI voxel remains on the image grid");
            }
            Geometry ig = image.geometry();
            int[] cropLo = new int[3];
            int[] hi = new int[3];
            int[] n = {ig.nx(), ig.ny(), ig.nz()};
            for (int a = 0; a < 3; a++) {
                cropLo[a] = Math.max(0, b[a] - pad);
                hi[a] = Math.min(n[a] - 1, b[a] + b[3 + a] - 1 + pad);
            }
            int[] cropSize = {hi[0] - cropLo[0] + 1, hi[1] - cropLo[1] + 1, hi[2] - cropLo[2] + 1};
            return new PreprocessedRoi(Crop.of(img, cropLo, cropSize), Crop.of(onImage, cropLo, cropSize), sourceUids,
                    maskSource, settings.hash());
        }
        Geometry target = ResamplingGrid.around(mg, lo, roiSize, s, pad);
        Volume outImage = Resampler.resample(img, target, settings.interpolator());
        LabelMap outMask = Resampler.resampleMask(mask, label, target, settings.maskInterpolation(), settings.partialVolumeThreshold());
        if (outMask.count(1) == 0) {
            throw new ImageInputException(maskFile, "label " + label, Reason.EMPTY_MASK,
                    "ROI vanished after resampling to " + java.util.Arrays.toString(s) + " mm");
        }
        return new PreprocessedRoi(outImage, outMask, sourceUids, maskSource, settings.hash());
    }

    /** {lo_x, lo_y, lo_z, size_x, size_y, size_z} of the voxels equal to {@code label}, or null when there are none. */
    public static int[] boundingBox(LabelMap mask, int label) {
        Geometry g = mask.geometry();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        int[] labels = mask.labels();
        int idx = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (labels[idx++] == label) {
                        lo[0] = Math.min(lo[0], i);
                        lo[1] = Math.min(lo[1], j);
                        lo[2] = Math.min(lo[2], k);
                        hi[0] = Math.max(hi[0], i);
                        hi[1] = Math.max(hi[1], j);
                        hi[2] = Math.max(hi[2], k);
                    }
                }
            }
        }
        if (hi[0] < 0) {
            return null;
        }
        return new int[] {lo[0], lo[1], lo[2], hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
    }

    /** PyRadiomics _checkROI: the ROI box corners must lie within the image (tolerance 1e-3 voxel). */
    static void checkRoiInsideImage(Geometry image, Geometry mask, int[] bb, Path maskFile) throws ImageInputException {
        double tol = 1e-3;
        int[] n = {image.nx(), image.ny(), image.nz()};
        // all 8 corners of the box, since directions may differ
        for (int c = 0; c < 8; c++) {
            double[] idx = new double[3];
            for (int a = 0; a < 3; a++) {
                idx[a] = ((c >> a) & 1) == 0 ? bb[a] - 0.5 : bb[a] + bb[3 + a] - 0.5;
            }
            double[] x = image.physicalToIndex(mask.indexToPhysical(idx[0], idx[1], idx[2]));
            for (int a = 0; a < 3; a++) {
                if (x[a] < -0.5 - tol || x[a] > n[a] - 0.5 + tol) {
                    throw new ImageInputException(maskFile, "ROI bounding box", Reason.MASK_OUTSIDE_IMAGE,
                            "ROI extends outside the image along axis " + "xyz".charAt(a) + " (continuous index "
                                    + String.format(java.util.Locale.ROOT, "%.3f", x[a]) + ", image size " + n[a] + ")");
                }
            }
        }
    }
}
