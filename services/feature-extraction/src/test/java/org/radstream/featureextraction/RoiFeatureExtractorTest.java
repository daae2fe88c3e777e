package org.radstream.featureextraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.radiomics.ParameterSet;
import org.radstream.streaming.dlq.ReasonCode;

class RoiFeatureExtractorTest {

    static final Geometry GRID = Geometry.of(30, 30, 12, 1, 1, 1);

    /** Gaussian noise with a ball of radius 5 voxels as the ROI. */
    static Volume noise() {
        SplittableRandom r = new SplittableRandom(3);
        float[] v = new float[GRID.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return new Volume(GRID, v);
    }

    static LabelMap ball() {
        int[] l = new int[GRID.voxelCount()];
        for (int k = 0; k < GRID.nz(); k++) {
            for (int j = 0; j < GRID.ny(); j++) {
                for (int i = 0; i < GRID.nx(); i++) {
                    double d2 = (i - 15) * (i - 15) + (j - 15) * (j - 15) + (k - 6) * (k - 6);
                    l[GRID.index(i, j, k)] = d2 <= 25 ? 1 : 0;
                }
            }
        }
        return new LabelMap(GRID, l);
    }

    @Test
    void paperProfileGives1316Features() throws Exception {
        RoiFeatureExtractor x = new RoiFeatureExtractor(ParameterSet.paper1316());
        assertEquals(1316, x.extract(noise(), ball(), "test").features().size());
        assertEquals(64, x.settingsHash().length());
        assertEquals(x.settingsHash(), RoiFeatureExtractor.settingsHash(ParameterSet.paper1316()));
        assertNotEquals(x.settingsHash(), RoiFeatureExtractor.settingsHash(ParameterSet.defaults()));
    }

    @Test
    void refusedInputCarriesItsReason() throws Exception {
        RoiFeatureExtractor x = new RoiFeatureExtractor(ParameterSet.paper1316());
        ExtractionRejected empty = assertThrows(ExtractionRejected.class,
                () -> x.extract(noise(), new LabelMap(GRID, new int[GRID.voxelCount()]), "case c DP reader A"));
        assertEquals(ReasonCode.FEATURE_NOT_COMPUTABLE, empty.reasonCode());
        assertEquals(true, empty.getMessage().startsWith("case c DP reader A: "), empty.getMessage());
        LabelMap shifted = new LabelMap(new Geometry(30, 30, 12, new double[] {1, 1, 1}, new double[] {5, 0, 0},
                GRID.direction()), ball().labels());
        ExtractionRejected moved = assertThrows(ExtractionRejected.class, () -> x.extract(noise(), shifted, "m"));
        assertEquals(ReasonCode.GEOMETRY_MISMATCH, moved.reasonCode());
    }
}
