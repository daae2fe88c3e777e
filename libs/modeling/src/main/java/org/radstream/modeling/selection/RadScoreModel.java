package org.radstream.modeling.selection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radstream.modeling.regression.LassoLogistic;

/**
 * The outcome of the selection pipeline for one radiomics model: every step's survivors and the rad-score
 * coefficients. rad-score = intercept + Σ β_j z_j over the selected features, z standardised with training
 * statistics.
 *
 * @param univariate   ANOVA / Mann–Whitney p per candidate
 * @param spearman     redundancy step
 * @param rfTop        random-forest ranking, the top features (LASSO candidates) in order
 * @param lassoCv      cross-validation of the LASSO on the rfTop features
 * @param lambda       the λ used (λ_min or λ_1se, or the documented fallback)
 * @param lambdaNote   why λ differs from the rule's choice, or empty
 * @param lassoCoefficients intercept and coefficients at λ, candidates in rfTop order
 * @param coefficients "(Intercept)" then feature → β of the rad-score
 * @param refit        "glm" (logistic regression on the non-zero features) or "lasso: reason" when that refit failed
 * @param lasso        the LASSO fitted on the rfTop candidates (training cohort), for coefficients at other λ
 */
public record RadScoreModel(String name, List<UnivariateFilter.FeatureP> univariate, SpearmanRedundancy.Result spearman,
                            List<RandomForestRanking.Ranked> rfTop, LassoLogistic.CvResult lassoCv, double lambda,
                            String lambdaNote, double[] lassoCoefficients, LinkedHashMap<String, Double> coefficients,
                            String refit, LassoLogistic lasso) {
    public static final String INTERCEPT = "(Intercept)";

    /** Intercept and non-zero LASSO coefficients at λ, candidates in rfTop order ("(Intercept)" first). */
    public LinkedHashMap<String, Double> lassoCoefficientsAt(double lambda) {
        double[] c = lasso.coefficients(lambda);
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        m.put(INTERCEPT, c[0]);
        for (int j = 0; j < rfTop.size(); j++) {
            if (c[j + 1] != 0) {
                m.put(rfTop.get(j).feature(), c[j + 1]);
            }
        }
        return m;
    }

    /** Selected features in coefficient order. */
    public List<String> features() {
        return coefficients.keySet().stream().filter(k -> !k.equals(INTERCEPT)).toList();
    }

    /** rad-score of one case from its standardised features; summed in coefficient order. */
    public double score(Map<String, Double> standardised) {
        return RadScore.of(coefficients, standardised);
    }
}
