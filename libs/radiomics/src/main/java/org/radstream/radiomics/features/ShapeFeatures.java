package org.radstream.radiomics.features;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.radstream.radiomics.preprocess.CroppedRoi;

/**
 * 3D shape features of the ROI (PyRadiomics {@code shape}, IBSI "morphology", code HCUG), independent of
 * intensities. V and A are the volume and area of the marching-cubes mesh ({@link MarchingCubes}); N_v
 * the voxel count; diameters are largest distances between mesh vertices; λ₁ ≥ λ₂ ≥ λ₃ the eigenvalues of
 * the covariance of the voxel-centre coordinates (mm, divided by N_v).
 */
public final class ShapeFeatures {
    public static final List<Feature<ShapeFeatures>> FEATURES = List.of(
            Feature.of("MeshVolume", ShapeFeatures::meshVolume),
            Feature.of("VoxelVolume", ShapeFeatures::voxelVolume),
            Feature.of("SurfaceArea", ShapeFeatures::surfaceArea),
            Feature.of("SurfaceVolumeRatio", ShapeFeatures::surfaceVolumeRatio),
            Feature.of("Sphericity", ShapeFeatures::sphericity),
            Feature.deprecated("Compactness1", ShapeFeatures::compactness1),
            Feature.deprecated("Compactness2", ShapeFeatures::compactness2),
            Feature.deprecated("SphericalDisproportion", ShapeFeatures::sphericalDisproportion),
            Feature.of("Maximum3DDiameter", ShapeFeatures::maximum3DDiameter),
            Feature.of("Maximum2DDiameterSlice", ShapeFeatures::maximum2DDiameterSlice),
            Feature.of("Maximum2DDiameterColumn", ShapeFeatures::maximum2DDiameterColumn),
            Feature.of("Maximum2DDiameterRow", ShapeFeatures::maximum2DDiameterRow),
            Feature.of("MajorAxisLength", ShapeFeatures::majorAxisLength),
            Feature.of("MinorAxisLength", ShapeFeatures::minorAxisLength),
            Feature.of("LeastAxisLength", ShapeFeatures::leastAxisLength),
            Feature.of("Elongation", ShapeFeatures::elongation),
            Feature.of("Flatness", ShapeFeatures::flatness));

    private final double volume;
    private final double area;
    private final double voxelVolume;
    private final double[] diameters; // slice (same z), column (same y), row (same x), 3D
    private final double[] eig;       // ascending

    ShapeFeatures(CroppedRoi roi, boolean ibsi) {
        double sz = roi.spacingNumpy(0);
        double sy = roi.spacingNumpy(1);
        double sx = roi.spacingNumpy(2);
        MarchingCubes.Mesh mesh = MarchingCubes.compute(roi.mask(), roi.nx(), roi.ny(), roi.nz(), sz, sy, sx);
        volume = mesh.volume();
        area = mesh.area();
        voxelVolume = roi.count() * sx * sy * sz;
        diameters = diameters(mesh.vertices());
        eig = axes(roi, new double[] {sz, sy, sx}, ibsi);
    }

    /** Largest squared distances between vertices (z, y, x triples), overall and within equal z, y, x. */
    static double[] diameters(double[] v) {
        double[] d = new double[4];
        int n = v.length / 3;
        for (int i = 0; i < n; i++) {
            double az = v[3 * i];
            double ay = v[3 * i + 1];
            double ax = v[3 * i + 2];
            for (int j = i + 1; j < n; j++) {
                double dz = az - v[3 * j];
                double dy = ay - v[3 * j + 1];
                double dx = ax - v[3 * j + 2];
                double s = dz * dz + dy * dy + dx * dx;
                if (s > d[3]) {
                    d[3] = s;
                }
                if (dz == 0 && s > d[0]) {
                    d[0] = s;
                }
                if (dy == 0 && s > d[1]) {
                    d[1] = s;
                }
                if (dx == 0 && s > d[2]) {
                    d[2] = s;
                }
            }
        }
        for (int k = 0; k < 4; k++) {
            d[k] = Math.sqrt(d[k]);
        }
        return d;
    }

    /**
     * Eigenvalues (ascending) of the covariance of the ROI voxel centres in mm: divided by N_v as PyRadiomics
     * does, or by N_v − 1 (the sample covariance IBSI's reference values use) when {@code ibsi}.
     */
    static double[] axes(CroppedRoi roi, double[] spZyx, boolean ibsi) {
        int[] size = {roi.nz(), roi.ny(), roi.nx()};
        boolean[] m = roi.mask();
        double[] mean = new double[3];
        int n = 0;
        int v = 0;
        for (int z = 0; z < size[0]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[2]; x++, v++) {
                    if (m[v]) {
                        mean[0] += z * spZyx[0];
                        mean[1] += y * spZyx[1];
                        mean[2] += x * spZyx[2];
                        n++;
                    }
                }
            }
        }
        for (int d = 0; d < 3; d++) {
            mean[d] /= n;
        }
        double[][] cov = new double[3][3];
        v = 0;
        for (int z = 0; z < size[0]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[2]; x++, v++) {
                    if (m[v]) {
                        double[] c = {z * spZyx[0] - mean[0], y * spZyx[1] - mean[1], x * spZyx[2] - mean[2]};
                        for (int i = 0; i < 3; i++) {
                            for (int j = 0; j < 3; j++) {
                                cov[i][j] += c[i] * c[j] / (ibsi ? n - 1 : n);
                            }
                        }
                    }
                }
            }
        }
        return eigenvalues(cov);
    }

    static double[] eigenvalues(double[][] cov) {
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(cov, false)).getRealEigenvalues();
        for (int i = 0; i < ev.length; i++) {
            if (ev[i] < 0 && ev[i] > -1e-10) {
                ev[i] = 0; // machine error, as PyRadiomics
            }
        }
        Arrays.sort(ev);
        return ev;
    }

    /** Mesh volume <pre>V = Σ (a × b)·c / 6</pre> over mesh triangles (IBSI RNU0). */
    public double meshVolume() {
        return volume;
    }

    /** Voxel volume <pre>N_v · V_voxel</pre> (IBSI YEKZ). */
    public double voxelVolume() {
        return voxelVolume;
    }

    /** Surface area <pre>A = Σ |a b × a c| / 2</pre> (IBSI C0JK). */
    public double surfaceArea() {
        return area;
    }

    /** Surface to volume ratio <pre>A / V</pre> (IBSI 2PR5). */
    public double surfaceVolumeRatio() {
        return area / volume;
    }

    /** Sphericity <pre>(36 π V²)^{1/3} / A</pre> (IBSI QCFX). */
    public double sphericity() {
        return Math.cbrt(36 * Math.PI * volume * volume) / area;
    }

    /** Compactness 1 (deprecated) <pre>V / (√π A^{3/2})</pre> (IBSI SKGS). */
    public double compactness1() {
        return volume / (Math.pow(area, 1.5) * Math.sqrt(Math.PI));
    }

    /** Compactness 2 (deprecated) <pre>36 π V² / A³</pre> (IBSI BQWJ). */
    public double compactness2() {
        return 36 * Math.PI * volume * volume / (area * area * area);
    }

    /** Spherical disproportion (deprecated) <pre>A / (36 π V²)^{1/3}</pre> (IBSI KRCK). */
    public double sphericalDisproportion() {
        return area / Math.cbrt(36 * Math.PI * volume * volume);
    }

    /** Maximum 3D diameter: largest distance between mesh vertices (IBSI L0JK). */
    public double maximum3DDiameter() {
        return diameters[3];
    }

    /** Largest vertex distance within an axial (z) plane. */
    public double maximum2DDiameterSlice() {
        return diameters[0];
    }

    /** Largest vertex distance within a coronal (y) plane. */
    public double maximum2DDiameterColumn() {
        return diameters[1];
    }

    /** Largest vertex distance within a sagittal (x) plane. */
    public double maximum2DDiameterRow() {
        return diameters[2];
    }

    /** Major axis length <pre>4 √λ₁</pre> (IBSI TDIC). */
    public double majorAxisLength() {
        return axis(eig[2]);
    }

    /** Minor axis length <pre>4 √λ₂</pre> (IBSI P9VJ). */
    public double minorAxisLength() {
        return axis(eig[1]);
    }

    /** Least axis length <pre>4 √λ₃</pre> (IBSI 7J51). */
    public double leastAxisLength() {
        return axis(eig[0]);
    }

    /** Elongation <pre>√(λ₂/λ₁)</pre> (IBSI Q3CK). */
    public double elongation() {
        return Math.sqrt(nonNegative(eig[1]) / nonNegative(eig[2]));
    }

    /** Flatness <pre>√(λ₃/λ₁)</pre> (IBSI N17B). */
    public double flatness() {
        return Math.sqrt(nonNegative(eig[0]) / nonNegative(eig[2]));
    }

    private static double axis(double lambda) {
        return 4 * Math.sqrt(nonNegative(lambda));
    }

    static double nonNegative(double lambda) {
        if (lambda < 0) {
            throw new NotComputableException("negative covariance eigenvalue " + lambda);
        }
        return lambda;
    }
}
