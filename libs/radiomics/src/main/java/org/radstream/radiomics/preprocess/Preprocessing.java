package org.radstream.radiomics.preprocess;

import java.util.Arrays;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.imaging.preprocess.Crop;
import org.radstream.imaging.preprocess.Interpolator;
import org.radstream.imaging.preprocess.Resampler;
import org.radstream.imaging.preprocess.ResamplingGrid;
import org.radstream.imaging.preprocess.ZScoreNormalizer;
import org.radstream.radiomics.ExtractionSettings;
import org.radstream.radiomics.RadiomicsInputException;
import org.radstream.radiomics.RadiomicsInputException.Reason;

/**
 * PyRadiomics' image operations before feature calculation ({@code imageoperations}): geometry check,
 * mask correction, normalisation, resampling, cropping, resegmentation.
 */
public final class Preprocessing {
    private Preprocessing() {
    }

    /**
     * SimpleITK's check that two images occupy the same physical space: equal size, origins and spacings
     * within {@code tol × spacing_x}, direction cosines within {@code tol}.
     */
    public static boolean sameGeometry(Geometry a, Geometry b, double tol) {
        if (a.nx() != b.nx() || a.ny() != b.ny() || a.nz() != b.nz()) {
            return false;
        }
        double coordTol = tol * a.spacing(0);
        double[] ao = a.origin();
        double[] bo = b.origin();
        double[] as = a.spacing();
        double[] bs = b.spacing();
        for (int i = 0; i < 3; i++) {
            if (Math.abs(ao[i] - bo[i]) > coordTol || Math.abs(as[i] - bs[i]) > coordTol) {
                return false;
            }
        }
        double[] ad = a.direction();
        double[] bd = b.direction();
        for (int i = 0; i < 9; i++) {
            if (Math.abs(ad[i] - bd[i]) > tol) {
                return false;
            }
        }
        return true;
    }

    /**
     * PyRadiomics {@code _correctMask}: the ROI must lie inside the image's physical extent (±0.5 voxel,
     * tolerance 1e-3); the mask is then resampled onto the image grid by nearest neighbour.
     */
    public static LabelMap resampleMaskOnto(LabelMap mask, Geometry target, int label) {
        Geometry mg = mask.geometry();
        BoundingBox bb = BoundingBox.of(mask, label);
        double[][] corners = {mg.indexToPhysical(bb.x0() - 0.5, bb.y0() - 0.5, bb.z0() - 0.5),
            mg.indexToPhysical(bb.x1() + 0.5, bb.y1() + 0.5, bb.z1() + 0.5)};
        int[] size = {target.nx(), target.ny(), target.nz()};
        for (double[] c : corners) {
            double[] idx = target.physicalToIndex(c);
            for (int d = 0; d < 3; d++) {
                if (idx[d] < -0.5 - 1e-3 || idx[d] > size[d] - 0.5 + 1e-3) {
                    throw new RadiomicsInputException(Reason.GEOMETRY_MISMATCH, "mask",
                            "bounding box of the ROI lies outside the image (index " + Arrays.toString(idx) + ")");
                }
            }
        }
        return Resampler.resampleLabels(mask, target);
    }

    /**
     * PyRadiomics {@code normalizeImage}: {@code f(x) = s (x − μ)/σ} over the whole image (σ with n − 1, as
     * SimpleITK's {@code Normalize}); with {@code removeOutliers} n, normalised values are clipped to ±n
     * before scaling.
     */
    public static Volume normalize(Volume image, double scale, double removeOutliers) {
        try {
            return ZScoreNormalizer.normalize(image, scale, removeOutliers);
        } catch (IllegalArgumentException e) {
            // PyRadiomics would go on with NaN everywhere, which every feature refuses later
            throw new RadiomicsInputException(Reason.NON_FINITE_INTENSITY, "image",
                    "normalize: " + e.getMessage() + "; z-scoring gives NaN");
        }
    }

    /**
     * PyRadiomics {@code resegmentMask}: keeps ROI voxels with {@code T_lower ≤ X ≤ T_upper} (one threshold:
     * lower bound only). Modes: absolute; relative (× ROI maximum); sigma (ROI mean + t × ROI sd, population sd).
     */
    public static LabelMap resegment(Volume image, LabelMap mask, ExtractionSettings s) {
        double[] r = s.resegmentRange().clone();
        Arrays.sort(r);
        int label = s.label();
        int[] l = mask.labels();
        float[] v = image.voxels();
        double[] t = r.clone();
        if (s.resegmentMode() != ExtractionSettings.ResegmentMode.ABSOLUTE) {
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (int i = 0; i < l.length; i++) {
                if (l[i] == label) {
                    max = Math.max(max, v[i]);
                    sum += v[i];
                    n++;
                }
            }
            double mean = sum / n;
            double ss = 0;
            for (int i = 0; i < l.length; i++) {
                if (l[i] == label) {
                    ss += (v[i] - mean) * (v[i] - mean);
                }
            }
            double sd = Math.sqrt(ss / n);
            for (int k = 0; k < t.length; k++) {
                t[k] = s.resegmentMode() == ExtractionSettings.ResegmentMode.RELATIVE ? max * r[k] : mean + sd * r[k];
            }
        }
        int[] out = new int[l.length];
        int kept = 0;
        for (int i = 0; i < l.length; i++) {
            if (l[i] == label && v[i] >= t[0] && (t.length == 1 || v[i] <= t[1])) {
                out[i] = label;
                kept++;
            }
        }
        if (kept <= 1) {
            throw new RadiomicsInputException(Reason.RESEGMENTATION_EMPTY, "resegmentRange",
                    "resegmentation with " + Arrays.toString(s.resegmentRange()) + " (" + s.resegmentMode()
                    + ") kept " + kept + " voxel(s) of label " + label);
        }
        return new LabelMap(mask.geometry(), out);
    }

    public static Volume crop(Volume v, BoundingBox b) {
        return Crop.of(v, new int[] {b.x0(), b.y0(), b.z0()}, new int[] {b.sizeX(), b.sizeY(), b.sizeZ()});
    }

    public static LabelMap crop(LabelMap m, BoundingBox b) {
        return Crop.of(m, new int[] {b.x0(), b.y0(), b.z0()}, new int[] {b.sizeX(), b.sizeY(), b.sizeZ()});
    }

    /** True when every voxel holds an integer (the image came from an integer-typed file). */
    public static boolean isIntegral(float[] v) {
        for (float f : v) {
            if (f != Math.rint(f)) {
                return false;
            }
        }
        return true;
    }

    /** Number of 6-connected components of the label (SimpleITK {@code ConnectedComponent}, not fully connected). */
    public static int connectedComponents(LabelMap mask, int label) {
        Geometry g = mask.geometry();
        int[] l = mask.labels();
        boolean[] seen = new boolean[l.length];
        int[] stack = new int[l.length];
        int comps = 0;
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        for (int s = 0; s < l.length; s++) {
            if (l[s] != label || seen[s]) {
                continue;
            }
            comps++;
            int top = 0;
            stack[top++] = s;
            seen[s] = true;
            while (top > 0) {
                int k = stack[--top];
                int x = k % nx;
                int y = (k / nx) % ny;
                int z = k / (nx * ny);
                int[][] nb = {{x - 1, y, z}, {x + 1, y, z}, {x, y - 1, z}, {x, y + 1, z}, {x, y, z - 1}, {x, y, z + 1}};
                for (int[] p : nb) {
                    if (p[0] >= 0 && p[1] >= 0 && p[2] >= 0 && p[0] < nx && p[1] < ny && p[2] < nz) {
                        int w = g.index(p[0], p[1], p[2]);
                        if (!seen[w] && l[w] == label) {
                            seen[w] = true;
                            stack[top++] = w;
                        }
                    }
                }
            }
        }
        return comps;
    }

    /**
     * PyRadiomics {@code resampleImage}: a grid of spacing {@code resampledPixelSpacing} (0 keeps the mask's
     * spacing; an axis where the ROI is one voxel thick keeps it too) aligned to the mask origin, covering the
     * ROI bounding box plus {@code padDistance} new voxels, clipped to the mask extent; the image is
     * interpolated (B-spline, linear or nearest; 0 outside the image), the mask by nearest neighbour.
     * SimpleITK writes the result in the input's pixel type; an integer-valued image is taken to be
     * integer-typed and the interpolated values are truncated toward zero as ITK's cast does.
     */
    public static void resample(Volume image, LabelMap mask, ExtractionSettings s, Volume[] imageOut, LabelMap[] maskOut) {
        Geometry mg = mask.geometry();
        BoundingBox bb = BoundingBox.of(mask, s.label());
        int[] lo = {bb.x0(), bb.y0(), bb.z0()};
        int[] sz = {bb.sizeX(), bb.sizeY(), bb.sizeZ()};
        double[] sp = ResamplingGrid.spacing(s.resampledPixelSpacing(), mg.spacing(), sz);
        if (ResamplingGrid.sameSpacing(image.geometry().spacing(), sp)) {
            LabelMap m = sameGeometry(image.geometry(), mg, 1e-6) ? mask : resampleMaskOnto(mask, image.geometry(), s.label());
            BoundingBox b = BoundingBox.of(m, s.label()).padded(s.padDistance(), image.geometry().nx(),
                    image.geometry().ny(), image.geometry().nz());
            imageOut[0] = crop(image, b);
            maskOut[0] = crop(m, b);
            return;
        }
        Geometry ng = ResamplingGrid.around(mg, lo, sz, sp, s.padDistance());
        // SimpleITK resamples into the input's pixel type; an integer image is cast back by truncation
        imageOut[0] = Resampler.resample(image, ng, interpolator(s.interpolator()), isIntegral(image.voxels()));
        maskOut[0] = Resampler.resampleLabels(mask, ng);
    }

    /** The SimpleITK interpolator named in the settings, as the imaging library's enum. */
    static Interpolator interpolator(ExtractionSettings.Interpolator kind) {
        return switch (kind) {
            case NEAREST_NEIGHBOR -> Interpolator.NEAREST;
            case LINEAR -> Interpolator.LINEAR;
            case BSPLINE -> Interpolator.BSPLINE;
            case NONE -> throw new IllegalStateException("no interpolator");
        };
    }
}
