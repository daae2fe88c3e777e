package org.radstream.modeling.stats;

/** Public access to mid-ranks (ties get the average rank, R's rank(ties.method = "average")). */
public final class RankTransform {
    private RankTransform() {
    }

    public static double[] midRanks(double[] values) {
        return Ranks.midRanks(values);
    }
}
