package org.radstream.imaging.preprocess;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/**
 * The voxels {@code lo … lo + size − 1} of an image on a grid that keeps them where they were in patient
 * space: same spacing and direction, origin at the centre of voxel {@code lo} (PyRadiomics'
 * {@code cropToTumorMask}, SimpleITK's {@code Crop}).
 */
public final class Crop {

    private Crop() {
    }

    public static Geometry geometry(Geometry g, int[] lo, int[] size) {
        return new Geometry(size[0], size[1], size[2], g.spacing(), g.indexToPhysical(lo[0], lo[1], lo[2]), g.direction());
    }

    public static Volume of(Volume v, int[] lo, int[] size) {
        Geometry g = v.geometry();
        Geometry target = geometry(g, lo, size);
        float[] src = v.voxels();
        float[] out = new float[target.voxelCount()];
        int idx = 0;
        for (int k = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                for (int i = 0; i < size[0]; i++) {
                    out[idx++] = src[g.index(lo[0] + i, lo[1] + j, lo[2] + k)];
                }
            }
        }
        return new Volume(target, out);
    }

    public static LabelMap of(LabelMap m, int[] lo, int[] size) {
        Geometry g = m.geometry();
        Geometry target = geometry(g, lo, size);
        int[] src = m.labels();
        int[] out = new int[target.voxelCount()];
        int idx = 0;
        for (int k = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                for (int i = 0; i < size[0]; i++) {
                    out[idx++] = src[g.index(lo[0] + i, lo[1] + j, lo[2] + k)];
                }
            }
        }
        return new LabelMap(target, out);
    }
}
