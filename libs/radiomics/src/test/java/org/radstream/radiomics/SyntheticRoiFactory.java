package org.radstream.radiomics;

/** Public access to {@link SyntheticRoi} for the benchmark package. */
public final class SyntheticRoiFactory {
    private SyntheticRoiFactory() {
    }

    /** {image, mask}: a 30 × 26 mm single-slice tumour ROI in a 50 × 50 × 21 neighbourhood, 1 mm voxels. */
    public static Object[] typicalStudyRoi(long seed) {
        SyntheticRoi r = new SyntheticRoi(seed, 50, 50, 21);
        return new Object[] {r.image, r.mask};
    }
}
