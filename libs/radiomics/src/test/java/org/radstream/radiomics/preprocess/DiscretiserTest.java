package org.radstream.radiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Discretisation as documented by PyRadiomics (imageoperations.getBinEdges docstring:
 * {@code X_b = floor(X/W) − floor(min/W) + 1}, a maximum divisible by W opens its own bin, bins equally spaced
 * from 0; fixed bin count puts the maximum in bin N) and by IBSI (FBS: {@code floor((X − X_min)/W) + 1}).
 */
class DiscretiserTest {

    private static int[] bins(double[] v, double[] edges) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Discretiser.digitize(v[i], edges);
        }
        return b;
    }

    @Test
    void fixedBinWidthIsEquallySpacedFromZero() {
        double[] v = {54, 74.9, 75, 100, 166};
        double[] e = Discretiser.binWidthEdges(v, 25);
        assertEquals(50, e[0]); // leftmost edge <= min and divisible by W (docstring example: 54..166 -> 50)
        for (int i = 0; i < v.length; i++) {
            assertEquals((int) (Math.floor(v[i] / 25) - Math.floor(54 / 25.0) + 1), bins(v, e)[i]);
        }
    }

    @Test
    void maximumDivisibleByWidthGetsItsOwnBin() {
        double[] v = {0, 10, 50};
        assertArrayEquals(new int[] {1, 1, 3}, bins(v, Discretiser.binWidthEdges(v, 25)));
    }

    @Test
    void negativeValuesFloorTowardsMinusInfinity() {
        double[] v = {-0.35, -0.05, 0.0, 0.12};
        // floor(x/0.1) - floor(-0.35/0.1) + 1 = {-4,-1,0,1} + 4 + 1
        assertArrayEquals(new int[] {1, 4, 5, 6}, bins(v, Discretiser.binWidthEdges(v, 0.1)));
    }

    @Test
    void fixedBinCountPutsTheMaximumInTheLastBin() {
        double[] v = {1, 2, 3, 4, 5};
        assertArrayEquals(new int[] {1, 1, 2, 2, 2}, bins(v, Discretiser.binCountEdges(v, 2)));
        // a flat region: numpy.histogram widens the range to [6.5, 7.5]; edges 6.5, 6.75, 7, 7.25, 8.5 -> bin 3
        double[] flat = {7, 7, 7};
        assertArrayEquals(new int[] {3, 3, 3}, bins(flat, Discretiser.binCountEdges(flat, 4)));
    }

    @Test
    void ibsiFixedBinSizeStartsAtTheLowerBound() {
        double[] v = {54, 74.9, 79, 166};
        assertArrayEquals(new int[] {1, 1, 2, 5}, bins(v, Discretiser.ibsiBinWidthEdges(v, 25, Double.NaN)));
        assertArrayEquals(new int[] {3, 3, 4, 7}, bins(v, Discretiser.ibsiBinWidthEdges(v, 25, 0)));
    }
}
