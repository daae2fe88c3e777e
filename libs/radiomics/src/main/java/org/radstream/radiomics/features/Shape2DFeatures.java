package org.radstream.radiomics.features;

import java.util.List;

import org.radstream.radiomics.preprocess.CroppedRoi;

/**
 * 2D shape features of a single-slice ROI (PyRadiomics {@code shape2D}; needs force2D and a ROI one voxel
 * thick along {@code force2Ddimension}). The contour comes from marching squares with vertices at the
 * midpoints of lattice edges between ROI and background pixels; A is the area enclosed by the contour
 * (shoelace over oriented segments), P its length; λ₁ ≥ λ₂ the eigenvalues of the covariance of the pixel
 * centres (mm).
 */
public final class Shape2DFeatures {
    public static final List<Feature<Shape2DFeatures>> FEATURES = List.of(
            Feature.of("MeshSurface", Shape2DFeatures::meshSurface),
            Feature.of("PixelSurface", Shape2DFeatures::pixelSurface),
            Feature.of("Perimeter", Shape2DFeatures::perimeter),
            Feature.of("PerimeterSurfaceRatio", Shape2DFeatures::perimeterSurfaceRatio),
            Feature.of("Sphericity", Shape2DFeatures::sphericity),
            Feature.deprecated("SphericalDisproportion", Shape2DFeatures::sphericalDisproportion),
            Feature.of("MaximumDiameter", Shape2DFeatures::maximumDiameter),
            Feature.of("MajorAxisLength", Shape2DFeatures::majorAxisLength),
            Feature.of("MinorAxisLength", Shape2DFeatures::minorAxisLength),
            Feature.of("Elongation", Shape2DFeatures::elongation));

    private final double surface;
    private final double perimeter;
    private final double pixelSurface;
    private final double diameter;
    private final double[] eig;

    /** @param dim axis normal to the slice (numpy order 0 = z, 1 = y, 2 = x); the ROI box must be 1 voxel thick there */
    Shape2DFeatures(CroppedRoi roi, int dim) {
        if (roi.sizeNumpy(dim) != 1) {
            throw new NotComputableException("ROI spans " + roi.sizeNumpy(dim) + " voxels along force2Ddimension "
                    + dim + "; shape2D needs a single slice");
        }
        int[] axes = dim == 0 ? new int[] {1, 2} : dim == 1 ? new int[] {0, 2} : new int[] {0, 1};
        int nr = roi.sizeNumpy(axes[0]);
        int nc = roi.sizeNumpy(axes[1]);
        double sr = roi.spacingNumpy(axes[0]);
        double sc = roi.spacingNumpy(axes[1]);
        boolean[] m = new boolean[nr * nc];
        int k = 0;
        int count = 0;
        // numpy C order of the squeezed array: rows = first remaining axis, columns = second
        for (int z = 0; z < roi.nz(); z++) {
            for (int y = 0; y < roi.ny(); y++) {
                for (int x = 0; x < roi.nx(); x++, k++) {
                    int[] idx = {z, y, x};
                    if (roi.mask()[k]) {
                        m[idx[axes[0]] * nc + idx[axes[1]]] = true;
                        count++;
                    }
                }
            }
        }
        pixelSurface = count * sr * sc;
        double area2 = 0;
        double per = 0;
        double[] verts = new double[64];
        int nv = 0;
        for (int r = -1; r < nr; r++) {
            for (int c = -1; c < nc; c++) {
                // corners in cycle order: (r,c), (r,c+1), (r+1,c+1), (r+1,c)
                boolean[] in = {at(m, nr, nc, r, c), at(m, nr, nc, r, c + 1), at(m, nr, nc, r + 1, c + 1),
                    at(m, nr, nc, r + 1, c)};
                for (int q = 0; q < 4; q++) {
                    int prev = (q + 3) % 4;
                    if (in[q] && !in[prev]) {
                        int e = q;
                        while (in[(e + 1) % 4]) {
                            e = (e + 1) % 4;
                        }
                        double[] a = edgeMid(prev, r, c, sr, sc);
                        double[] b = edgeMid(e, r, c, sr, sc);
                        area2 += a[0] * b[1] - b[0] * a[1];
                        per += Math.hypot(a[0] - b[0], a[1] - b[1]);
                    }
                }
                boolean here = at(m, nr, nc, r, c);
                if (here != at(m, nr, nc, r + 1, c) || here != at(m, nr, nc, r, c + 1)) {
                    if (nv + 4 > verts.length) {
                        verts = java.util.Arrays.copyOf(verts, verts.length * 2);
                    }
                    if (here != at(m, nr, nc, r + 1, c)) {
                        verts[nv++] = (r + 0.5) * sr;
                        verts[nv++] = c * sc;
                    }
                    if (here != at(m, nr, nc, r, c + 1)) {
                        verts[nv++] = r * sr;
                        verts[nv++] = (c + 0.5) * sc;
                    }
                }
            }
        }
        surface = Math.abs(area2) / 2;
        perimeter = per;
        double d = 0;
        for (int i = 0; i < nv; i += 2) {
            for (int j = i + 2; j < nv; j += 2) {
                double dr = verts[i] - verts[j];
                double dc = verts[i + 1] - verts[j + 1];
                d = Math.max(d, dr * dr + dc * dc);
            }
        }
        diameter = Math.sqrt(d);
        // covariance of pixel centres
        double mr = 0;
        double mc = 0;
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                if (m[r * nc + c]) {
                    mr += r * sr;
                    mc += c * sc;
                }
            }
        }
        mr /= count;
        mc /= count;
        double[][] cov = new double[2][2];
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                if (m[r * nc + c]) {
                    double dr = r * sr - mr;
                    double dc = c * sc - mc;
                    cov[0][0] += dr * dr / count;
                    cov[0][1] += dr * dc / count;
                    cov[1][1] += dc * dc / count;
                }
            }
        }
        cov[1][0] = cov[0][1];
        eig = ShapeFeatures.eigenvalues(cov);
    }

    /** Midpoint (mm) of square edge e (edge e joins corner e and corner e + 1 of the cycle). */
    private static double[] edgeMid(int e, int r, int c, double sr, double sc) {
        double[][] off = {{0, 0.5}, {0.5, 1}, {1, 0.5}, {0.5, 0}};
        return new double[] {(r + off[e][0]) * sr, (c + off[e][1]) * sc};
    }

    private static boolean at(boolean[] m, int nr, int nc, int r, int c) {
        return r >= 0 && c >= 0 && r < nr && c < nc && m[r * nc + c];
    }

    /** Mesh surface: area enclosed by the contour <pre>A = |Σ (a × b)| / 2</pre>. */
    public double meshSurface() {
        return surface;
    }

    /** Pixel surface <pre>N_p · A_pixel</pre>. */
    public double pixelSurface() {
        return pixelSurface;
    }

    /** Perimeter: contour length P. */
    public double perimeter() {
        return perimeter;
    }

    /** Perimeter to surface ratio <pre>P / A</pre>. */
    public double perimeterSurfaceRatio() {
        return perimeter / surface;
    }

    /** Sphericity (circularity) <pre>2 √(π A) / P</pre>. */
    public double sphericity() {
        return 2 * Math.sqrt(Math.PI * surface) / perimeter;
    }

    /** Spherical disproportion (deprecated) <pre>P / (2 √(π A))</pre>. */
    public double sphericalDisproportion() {
        return 1 / sphericity();
    }

    /** Maximum diameter: largest distance between contour vertices. */
    public double maximumDiameter() {
        return diameter;
    }

    /** Major axis length <pre>4 √λ₁</pre>. */
    public double majorAxisLength() {
        return 4 * Math.sqrt(ShapeFeatures.nonNegative(eig[1]));
    }

    /** Minor axis length <pre>4 √λ₂</pre>. */
    public double minorAxisLength() {
        return 4 * Math.sqrt(ShapeFeatures.nonNegative(eig[0]));
    }

    /** Elongation <pre>√(λ₂/λ₁)</pre>. */
    public double elongation() {
        return Math.sqrt(ShapeFeatures.nonNegative(eig[0]) / ShapeFeatures.nonNegative(eig[1]));
    }
}
