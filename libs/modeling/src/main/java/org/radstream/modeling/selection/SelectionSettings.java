package org.radstream.modeling.selection;

import org.radstream.modeling.ModelingException;

/**
 * Settings of the feature-selection pipeline (DESIGN §1 step 6), defaults as the study:
 * α = 0.05 with {@link UnivariateFilter.Rule#EITHER}, Spearman |ρ| &gt; 0.90, random forest top 25 of 500
 * trees, 10-fold CV for the LASSO with λ_min, seed 7 (folds and trees derive their seeds from it).
 */
public record SelectionSettings(double alpha, UnivariateFilter.Rule rule, double spearmanThreshold, int rfTop,
                                int rfTrees, int cvFolds, LambdaRule lambdaRule, long seed) {
    /** Which cross-validated λ the model uses. */
    public enum LambdaRule { MIN, ONE_SE }

    public static final SelectionSettings DEFAULT =
            new SelectionSettings(0.05, UnivariateFilter.Rule.EITHER, 0.90, 25, 500, 10, LambdaRule.MIN, 7);

    public SelectionSettings {
        if (!(alpha > 0 && alpha < 1)) {
            throw new ModelingException("selection alpha must be in (0, 1); got " + alpha);
        }
        if (!(spearmanThreshold > 0 && spearmanThreshold <= 1)) {
            throw new ModelingException("Spearman threshold must be in (0, 1]; got " + spearmanThreshold);
        }
        if (rfTop < 1 || rfTrees < 1) {
            throw new ModelingException("random-forest top and trees must be positive; got " + rfTop + ", " + rfTrees);
        }
        if (cvFolds < 3) {
            throw new ModelingException("LASSO cross-validation needs at least 3 folds; got " + cvFolds);
        }
    }

    public SelectionSettings withSeed(long s) {
        return new SelectionSettings(alpha, rule, spearmanThreshold, rfTop, rfTrees, cvFolds, lambdaRule, s);
    }

    public SelectionSettings withCvFolds(int k) {
        return new SelectionSettings(alpha, rule, spearmanThreshold, rfTop, rfTrees, k, lambdaRule, seed);
    }
}
