package org.radstream.imaging;

/**
 * A scalar 3D image: a {@link Geometry} and one float per voxel (x fastest), in the intensity units
 * of its source (e.g. MR signal after rescale slope/intercept, or z-scores after normalisation).
 * The array is owned by the volume; callers that modify it make a copy first.
 */
public record Volume(Geometry geometry, float[] voxels) {
    public Volume {
        if (voxels.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("voxel array has " + voxels.length + " values, grid "
                    + geometry.nx() + "x" + geometry.ny() + "x" + geometry.nz() + " needs " + geometry.voxelCount());
        }
    }

    public float get(int i, int j, int k) {
        return voxels[geometry.index(i, j, k)];
    }
}
