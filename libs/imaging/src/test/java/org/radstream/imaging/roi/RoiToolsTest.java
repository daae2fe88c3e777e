package org.radstream.imaging.roi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.SharedData;
import org.radstream.imaging.io.NrrdReader;
import org.radstream.imaging.io.NiftiReader;

class RoiToolsTest {

    /** 5×5×3: slice 0 has 2 voxels, slice 1 has 6 (two blobs of 4 and 2), slice 2 has 6 → slice 1 wins the tie. */
    @Test
    void maximumCrossSectionAndComponentsByHand() {
        Geometry g = Geometry.of(5, 5, 3, 0.5, 2, 5);
        int[] m = new int[g.voxelCount()];
        m[g.index(0, 0, 0)] = 1;
        m[g.index(1, 0, 0)] = 1;
        for (int[] p : new int[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {4, 4}, {4, 3}}) {
            m[g.index(p[0], p[1], 1)] = 1;
        }
        for (int i = 0; i < 5; i++) {
            m[g.index(i, 2, 2)] = 1;
        }
        m[g.index(0, 4, 2)] = 1;
        LabelMap mask = new LabelMap(g, m);
        CrossSection cs = CrossSection.maximum(mask, 1);
        assertEquals(1, cs.slice());
        assertEquals(6, cs.voxels());
        assertEquals(6 * 0.5 * 2, cs.areaMm2());

        // 26-connected: the slice-0 pair touches the 2x2 block across z, the block touches row y=2 of slice 2
        // diagonally, and so does (4,3,1) (via (4,2,2)) with (4,4,1); only (0,4,2) is two rows from any ROI voxel
        ConnectedComponents cc = ConnectedComponents.of(mask, 1);
        assertEquals(List.of(13, 1), cc.sizes());
        ConnectedComponents face = ConnectedComponents.of(mask, 1, ConnectedComponents.Connectivity.FACE_6);
        // 6-connected: slice0 pair + 2x2 block (6); (4,4,1)+(4,3,1) (2); row y=2 of slice 2 (5); (0,4,2) (1)
        assertEquals(List.of(6, 5, 2, 1), face.sizes());
    }

    /** PyRadiomics diagnostics: breast1 mask VolumeNum 1; IBSI phantom mask is one 74-voxel component. */
    @Test
    void referenceMasksAreSingleComponents() throws Exception {
        LabelMap breast = NrrdReader.readLabelMap(SharedData.resolve("refdata/pyradiomics-breast1/breast1_label.nrrd"));
        assertEquals(List.of(143), ConnectedComponents.of(breast, 1).sizes());
        LabelMap phantom = NiftiReader.readLabelMap(SharedData.resolve("refdata/ibsi1/nifti/mask/mask.nii.gz"));
        assertEquals(List.of(74), ConnectedComponents.of(phantom, 1).sizes());
    }
}
