package org.radstream.modeling.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.radstream.modeling.Fixtures.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radstream.modeling.Fixtures;
import org.radstream.modeling.ModelingException;

/**
 * LASSO logistic against R glmnet 4.1 (src/test/r/glmnet.R): λ path (1e-9 relative), coefficients at given
 * λ (1e-4, the tolerance), cv.glmnet's cvm/cvsd (1e-4) and λ_min/λ_1se (equal), with the fixture's
 * thresh = 1e-14; and the path and cv.glmnet with glmnet's default thresh, as the study uses them.
 */
class LassoLogisticAgainstGlmnetTest {
    private static final JsonNode FX = Fixtures.load("glmnet.json");
    /** the fixture's glmnet calls use thresh = 1e-14; the path and CV run with the same thresh */
    private static final double R_THRESH = 1e-14;

    private static LassoLogistic model() {
        double[][] x = Fixtures.matrix(FX.get("x"));
        List<String> names = new ArrayList<>();
        for (int j = 0; j < x[0].length; j++) {
            names.add("V" + (j + 1));
        }
        return new LassoLogistic(x, Fixtures.ints(FX.get("y")), names, "fixture");
    }

    @Test
    void defaultPathIsGlmnets() {
        String call = FX.get("path_call").asText();
        LassoLogistic.Path path = model().defaultPath(R_THRESH);
        double[] lambda = Fixtures.doubles(FX.get("lambda"));
        assertEquals(lambda.length, path.size(), "path length (early stopping) of " + call);
        for (int k = 0; k < lambda.length; k++) {
            close(call, "lambda[" + k + "]", 1, path.lambdas()[k] / lambda[k], 1e-9);
            close(call, "dev.ratio[" + k + "]", FX.get("dev_ratio").get(k).asDouble(), path.devRatio()[k], 1e-6);
            assertEquals(FX.get("df").get(k).asInt(), path.df()[k], "df[" + k + "] of " + call);
        }
    }

    @Test
    void coefficientsAtGivenLambda() {
        LassoLogistic m = model();
        for (JsonNode at : FX.get("at")) {
            String call = at.get("call").asText();
            double[] ours = m.coefficients(at.get("lambda").asDouble());
            double[] ref = Fixtures.doubles(at.get("coef"));
            for (int j = 0; j < ref.length; j++) {
                close(call, j == 0 ? "(Intercept)" : "V" + j, ref[j], ours[j], 1e-4);
            }
        }
    }

    @Test
    void crossValidationWithGlmnetFolds() {
        String call = FX.get("cv_call").asText();
        LassoLogistic.CvResult cv = model().crossValidate(Fixtures.doubles(FX.get("cv_lambda")), Fixtures.ints(FX.get("foldid")), R_THRESH);
        double[] cvm = Fixtures.doubles(FX.get("cvm")), cvsd = Fixtures.doubles(FX.get("cvsd"));
        for (int k = 0; k < cvm.length; k++) {
            close(call, "cvm[" + k + "]", cvm[k], cv.cvm()[k], 1e-4);
            close(call, "cvsd[" + k + "]", cvsd[k], cv.cvsd()[k], 1e-4);
        }
        close(call, "lambda.min", FX.get("lambda_min").asDouble(), cv.lambdaMin(), 1e-12);
        close(call, "lambda.1se", FX.get("lambda_1se").asDouble(), cv.lambda1se(), 1e-12);
    }

    /**
     * With glmnet's default thresh (1e-7) the solution at each λ is approximate; the same algorithm (IRLS with
     * coordinate descent, strong rules, active-set passes, glmnet's convergence test) reaches the same iterates, so
     * path, deviance ratios, cvm and the chosen λ agree with R's far below the approximation error itself.
     */
    @Test
    void defaultThreshIsGlmnetsDefault() {
        String call = FX.get("default_path_call").asText();
        LassoLogistic m = model();
        LassoLogistic.Path path = m.defaultPath();
        double[] lambda = Fixtures.doubles(FX.get("default_lambda"));
        assertEquals(lambda.length, path.size(), "path length (early stopping) of " + call);
        for (int k = 0; k < lambda.length; k++) {
            close(call, "lambda[" + k + "]", 1, path.lambdas()[k] / lambda[k], 1e-9);
            close(call, "dev.ratio[" + k + "]", FX.get("default_dev_ratio").get(k).asDouble(), path.devRatio()[k], 1e-8);
            assertEquals(FX.get("default_df").get(k).asInt(), path.df()[k], "df[" + k + "] of " + call);
        }
        String cvCall = FX.get("default_cv_call").asText();
        LassoLogistic.CvResult cv = m.crossValidate(lambda, Fixtures.ints(FX.get("foldid")));
        double[] cvm = Fixtures.doubles(FX.get("default_cvm")), cvsd = Fixtures.doubles(FX.get("default_cvsd"));
        for (int k = 0; k < cvm.length; k++) {
            close(cvCall, "cvm[" + k + "]", cvm[k], cv.cvm()[k], 1e-8);
            close(cvCall, "cvsd[" + k + "]", cvsd[k], cv.cvsd()[k], 1e-8);
        }
        close(cvCall, "lambda.min", FX.get("default_lambda_min").asDouble(), cv.lambdaMin(), 1e-12);
        close(cvCall, "lambda.1se", FX.get("default_lambda_1se").asDouble(), cv.lambda1se(), 1e-12);
    }

    @Test
    void parallelFoldsGiveTheSameNumbersEveryTime() {
        LassoLogistic m = model();
        double[] lambda = Fixtures.doubles(FX.get("default_lambda"));
        int[] folds = Fixtures.ints(FX.get("foldid"));
        LassoLogistic.CvResult a = m.crossValidate(lambda, folds), b = m.crossValidate(lambda, folds);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.cvm(), b.cvm());
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.cvsd(), b.cvsd());
    }

    /** Perfectly separable data: the default path ends by glmnet's rules (no error); a tiny λ has no finite fit. */
    @Test
    void separableDataEndsThePathAndATinyLambdaIsAnError() {
        double[][] x = new double[20][2];
        int[] y = new int[20];
        for (int i = 0; i < 20; i++) {
            x[i][0] = i;
            x[i][1] = (i * 7) % 5;
            y[i] = i < 10 ? 0 : 1;
        }
        LassoLogistic m = new LassoLogistic(x, y, List.of("sep", "noise"), "separable");
        LassoLogistic.Path path = m.defaultPath();
        assertTrue(path.size() < 100 && path.devRatio()[path.size() - 1] > 0.99, "path ends near saturation: " + path.stop());
        assertThrows(ModelingException.class, () -> m.coefficients(1e-12));
    }

    @Test
    void badInputIsAClearError() {
        double[][] x = {{1, 5}, {2, 5}, {3, 5}, {4, 5}};
        assertThrows(ModelingException.class, () -> new LassoLogistic(x, new int[] {0, 1, 0, 1}, List.of("a", "const"), "t"));
        assertThrows(ModelingException.class, () -> LassoLogistic.stratifiedFolds(new int[] {0, 0, 0, 1, 1, 1, 0, 1}, 5, 1, "t"));
    }

    @Test
    void foldsAreSeededAndStratified() {
        int[] y = new int[40];
        for (int i = 0; i < 15; i++) {
            y[i] = 1;
        }
        int[] a = LassoLogistic.stratifiedFolds(y, 5, 7, "t"), b = LassoLogistic.stratifiedFolds(y, 5, 7, "t");
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
        for (int f = 1; f <= 5; f++) {
            int pos = 0;
            for (int i = 0; i < y.length; i++) {
                if (a[i] == f) {
                    pos += y[i];
                }
            }
            assertEquals(3, pos, "events in fold " + f);
        }
    }
}
