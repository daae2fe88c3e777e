package org.radstream.modeling.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.regression.LassoLogistic;
import org.radstream.modeling.regression.LogisticFit;
import org.radstream.modeling.regression.LogisticRegression;

/**
 * DESIGN §1 steps 6–7 on the training cohort only: ANOVA + Mann–Whitney filter → Spearman redundancy removal
 * → random-forest top k → LASSO logistic with λ by k-fold CV → logistic regression on the non-zero features
 * → rad-score coefficients.
 * <p>Documented handling of degenerate cases (never a silent drop, never NaN coefficients):
 * <ul>
 * <li>no feature passes the univariate filter → {@link ModelingException} naming the model;</li>
 * <li>no non-zero LASSO coefficient at the chosen λ → the largest λ on the CV path with at least one
 *     non-zero coefficient is used, and {@code lambdaNote} says so;</li>
 * <li>the logistic refit fails (separation or collinearity among the selected features) → the LASSO
 *     coefficients at λ are the rad-score and {@code refit} records the reason.</li>
 * </ul>
 */
public final class FeatureSelectionPipeline {
    private final SelectionSettings settings;

    public FeatureSelectionPipeline(SelectionSettings settings) {
        this.settings = settings;
    }

    /**
     * @param name    model name (errors, seeds)
     * @param names   candidate feature names
     * @param columns standardised training values, columns[j][case]
     * @param y       training outcomes
     */
    public RadScoreModel run(String name, List<String> names, double[][] columns, int[] y) {
        String what = name + " model (training cohort)";
        List<UnivariateFilter.FeatureP> uni = UnivariateFilter.evaluate(names, columns, y, settings.alpha(), settings.rule());
        List<String> passed = new ArrayList<>();
        List<double[]> passedCols = new ArrayList<>();
        List<Double> passedP = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (uni.get(j).kept()) {
                passed.add(names.get(j));
                passedCols.add(columns[j]);
                passedP.add(uni.get(j).minP());
            }
        }
        if (passed.isEmpty()) {
            throw new ModelingException(what + ": no feature passed the ANOVA/Mann-Whitney filter at p < " + settings.alpha());
        }
        SpearmanRedundancy.Result sp = SpearmanRedundancy.select(passed, passedCols.toArray(new double[0][]),
                passedP.stream().mapToDouble(Double::doubleValue).toArray(), settings.spearmanThreshold());
        double[][] spCols = sp.kept().stream().map(f -> passedCols.get(passed.indexOf(f))).toArray(double[][]::new);
        long modelSeed = settings.seed() ^ (name.hashCode() * 0x9E3779B97F4A7C15L);
        List<RandomForestRanking.Ranked> ranked = RandomForestRanking.rank(sp.kept(), spCols, y, settings.rfTrees(), modelSeed);
        List<RandomForestRanking.Ranked> top = ranked.subList(0, Math.min(settings.rfTop(), ranked.size()));
        List<String> cand = top.stream().map(RandomForestRanking.Ranked::feature).toList();
        int n = y.length;
        double[][] x = new double[n][cand.size()];
        for (int j = 0; j < cand.size(); j++) {
            double[] col = spCols[sp.kept().indexOf(cand.get(j))];
            for (int i = 0; i < n; i++) {
                x[i][j] = col[i];
            }
        }
        LassoLogistic lasso = new LassoLogistic(x, y, cand, what);
        LassoLogistic.Path path = lasso.defaultPath();
        int[] folds = LassoLogistic.stratifiedFolds(y, settings.cvFolds(), modelSeed + 1, what);
        LassoLogistic.CvResult cv = lasso.crossValidate(path.lambdas(), folds);
        double lambda = settings.lambdaRule() == SelectionSettings.LambdaRule.MIN ? cv.lambdaMin() : cv.lambda1se();
        String note = "";
        double[] lc = lasso.coefficients(lambda);
        if (nonZero(lc) == 0) {
            for (double l : path.lambdas()) {
                if (l < lambda) {
                    double[] c = lasso.coefficients(l);
                    if (nonZero(c) > 0) {
                        note = "no non-zero coefficient at the cross-validated lambda " + lambda
                                + "; used the largest path lambda with one";
                        lambda = l;
                        lc = c;
                        break;
                    }
                }
            }
            if (nonZero(lc) == 0) {
                throw new ModelingException(what + ": the LASSO keeps no feature at any lambda of the path");
            }
        }
        List<String> sel = new ArrayList<>();
        List<Integer> selIdx = new ArrayList<>();
        for (int j = 0; j < cand.size(); j++) {
            if (lc[j + 1] != 0) {
                sel.add(cand.get(j));
                selIdx.add(j);
            }
        }
        LinkedHashMap<String, Double> coef = new LinkedHashMap<>();
        String refit;
        try {
            double[][] xs = new double[n][sel.size()];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < sel.size(); k++) {
                    xs[i][k] = x[i][selIdx.get(k)];
                }
            }
            LogisticFit fit = LogisticRegression.fit(xs, y, sel, what + " logistic refit");
            fit.coefficients().forEach(c -> coef.put(c.name(), c.estimate()));
            refit = "glm";
        } catch (ModelingException e) {
            coef.clear();
            coef.put(RadScoreModel.INTERCEPT, lc[0]);
            for (int k = 0; k < sel.size(); k++) {
                coef.put(sel.get(k), lc[selIdx.get(k) + 1]);
            }
            refit = "lasso: " + e.getMessage();
        }
        return new RadScoreModel(name, uni, sp, top, cv, lambda, note, lc, coef, refit, lasso);
    }

    private static int nonZero(double[] c) {
        int k = 0;
        for (int j = 1; j < c.length; j++) {
            if (c[j] != 0) {
                k++;
            }
        }
        return k;
    }
}
