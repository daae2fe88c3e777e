package org.radstream.modeling.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.icc.Icc;
import org.radstream.modeling.icc.IccResult;
import org.radstream.modeling.metrics.Auc;
import org.radstream.modeling.metrics.Calibration;
import org.radstream.modeling.metrics.Classification;
import org.radstream.modeling.metrics.DeLong;
import org.radstream.modeling.metrics.DecisionCurve;
import org.radstream.modeling.nomogram.Nomogram;
import org.radstream.modeling.regression.Coefficient;
import org.radstream.modeling.regression.LinearPredictor;
import org.radstream.modeling.regression.LogisticFit;
import org.radstream.modeling.regression.LogisticRegression;
import org.radstream.modeling.selection.CohortSplit;
import org.radstream.modeling.selection.FeatureSelectionPipeline;
import org.radstream.modeling.selection.RadScoreModel;
import org.radstream.modeling.selection.Standardization;
import org.radstream.modeling.stats.BaselineTable;
import org.radstream.modeling.stats.TestResult;

/**
 * The study end to end (DESIGN §1 steps 4–10) on reader-A features (+ reader B for the ICC gate), clinical
 * predictors and outcomes: ICC gate → stratified split → training-only standardisation and selection →
 * seven radiomics rad-scores → clinical uni/multivariate logistic → nomogram (ALB + tumour number + mpMRI
 * rad-score) → AUC/DeLong, Youden threshold from training, calibration, decision curves → tables and the
 * self-contained model artifact. Everything is computed from the inputs and the seed; no clock, no
 * unordered iteration, so the same inputs and seed give byte-identical outputs.
 */
public final class StudyAnalysis {
    /** Model names in output order. */
    public static final List<String> RADIOMICS_MODELS = List.of("T1WI", "T2WI", "AP", "PVP", "DP", "CE-MRI", "mpMRI");
    public static final String CLINICAL = "clinical";
    public static final String NOMOGRAM = "nomogram";
    /** Predictors of the nomogram. */
    public static final List<String> NOMOGRAM_PREDICTORS = List.of("alb", "tumor_multiple", "radscore_mpMRI");

    /** Inputs; readerB may be null (then no ICC gate). */
    public record Inputs(FeatureTable readerA, FeatureTable readerB, ClinicalTable clinical, OutcomeTable outcomes) {
    }

    /** A table: name, header and rows of formatted cells. */
    public record Table(String name, String title, List<String> header, List<List<String>> rows) {
    }

    /** Scores of one model on one cohort with the outcomes, for figures. */
    public record CohortScores(List<String> caseIds, double[] scores, int[] y) {
    }

    /** The whole result. */
    public record Result(ObjectNode analysis, ObjectNode artifact, List<Table> tables,
                         Map<String, Map<String, CohortScores>> scores, Map<String, Map<String, Double>> coefficients,
                         Nomogram nomogram, Map<String, Map<String, Calibration.Result>> calibration,
                         Map<String, List<DecisionCurve.Point>> dcaNomogram, Map<String, Map<String, List<DecisionCurve.Point>>> dca) {
    }

    static List<Sequence> sequencesOf(String model) {
        return switch (model) {
            case "CE-MRI" -> List.of(Sequence.AP, Sequence.PVP, Sequence.DP);
            case "mpMRI" -> List.of(Sequence.values());
            default -> List.of(Sequence.valueOf(model));
        };
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private StudyAnalysis() {
    }

    public static Result run(Inputs in, StudySettings settings) {
        ObjectNode a = JSON.createObjectNode();
        a.put("format_version", 1);
        a.put("seed", settings.seed());

        // ---- cohort: every case with an outcome needs features for all five sequences and a clinical row
        Map<String, Integer> outcomes = in.outcomes().earlyRecurrence();
        List<String> ids = new ArrayList<>(outcomes.keySet());
        for (Sequence s : Sequence.values()) {
            FeatureTable.SequenceFeatures sf = in.readerA().sequences().get(s);
            if (sf == null) {
                throw new ModelingException(in.readerA().file() + ": no rows for sequence " + s);
            }
            for (String id : ids) {
                if (!sf.cases().containsKey(id)) {
                    throw new ModelingException(in.readerA().file() + ": case " + id + " has no " + s + " row (it has an outcome in "
                            + in.outcomes().file() + ")");
                }
            }
            for (String id : sf.cases().keySet()) {
                if (!outcomes.containsKey(id)) {
                    throw new ModelingException(in.outcomes().file() + ": outcome missing for case " + id + " (it has "
                            + s + " features in " + in.readerA().file() + ")");
                }
            }
        }
        for (String id : ids) {
            if (!in.clinical().cases().containsKey(id)) {
                throw new ModelingException(in.clinical().file() + ": no clinical row for case " + id);
            }
        }
        Map<String, String> split = CohortSplit.stratified(outcomes, settings.trainFraction(), settings.seed());
        List<String> train = ids.stream().filter(i -> split.get(i).equals(CohortSplit.TRAIN)).toList();
        List<String> valid = ids.stream().filter(i -> split.get(i).equals(CohortSplit.VALIDATION)).toList();
        int[] yTrain = train.stream().mapToInt(outcomes::get).toArray();
        int[] yValid = valid.stream().mapToInt(outcomes::get).toArray();
        ObjectNode splitNode = a.putObject("split");
        split.forEach(splitNode::put);
        ObjectNode cohorts = a.putObject("cohorts");
        cohorts.put("train_cases", train.size()).put("train_events", sum(yTrain))
                .put("validation_cases", valid.size()).put("validation_events", sum(yValid));

        // ---- ICC gate
        ObjectNode iccNode = a.putObject("icc");
        a.put("icc_form", settings.icc().form().description());
        a.put("icc_threshold", settings.icc().threshold());
        ObjectNode excludedNode = a.putObject("excluded_features");
        Map<Sequence, List<String>> candidates = new EnumMap<>(Sequence.class);
        for (Sequence s : Sequence.values()) {
            FeatureTable.SequenceFeatures fa = in.readerA().sequences().get(s);
            ObjectNode ex = excludedNode.putObject(s.name());
            fa.excluded().forEach(ex::put);
            List<String> kept = new ArrayList<>();
            List<String> varying = new ArrayList<>();
            for (String f : fa.names()) {
                if (Standardization.isConstant(fa.column(f, ids))) {
                    ex.put(f, "constant across all cases");
                } else {
                    varying.add(f);
                }
            }
            if (in.readerB() == null) {
                kept.addAll(varying);
            } else {
                FeatureTable.SequenceFeatures fb = in.readerB().sequences().get(s);
                if (fb == null) {
                    throw new ModelingException(in.readerB().file() + ": no rows for sequence " + s + " (needed for the ICC gate)");
                }
                List<String> paired = new ArrayList<>(fb.cases().keySet());
                for (String id : paired) {
                    if (!fa.cases().containsKey(id)) {
                        throw new ModelingException(in.readerB().file() + ": case " + id + " (" + s + ") has no reader-A row in "
                                + in.readerA().file());
                    }
                }
                if (paired.size() < 3) {
                    throw new ModelingException(in.readerB().file() + ": " + paired.size() + " cases for " + s
                            + "; the ICC needs at least 3 re-segmented cases");
                }
                ObjectNode sn = iccNode.putObject(s.name());
                for (String f : varying) {
                    if (!fb.names().contains(f)) {
                        ex.put(f, "no reader-B value (" + (fb.excluded().containsKey(f) ? fb.excluded().get(f) : "column absent") + ")");
                        continue;
                    }
                    IccResult r = Icc.twoReaders(fa.column(f, paired), fb.column(f, paired)).compute(settings.icc().form());
                    boolean ok = Double.isFinite(r.icc()) && r.icc() > settings.icc().threshold();
                    ObjectNode fn = sn.putObject(f);
                    num(fn, "icc", r.icc());
                    num(fn, "ci_low", r.ciLow());
                    num(fn, "ci_high", r.ciHigh());
                    fn.put("kept", ok);
                    if (ok) {
                        kept.add(f);
                    }
                }
            }
            // constant on the training cohort: cannot be standardised, excluded with the reason
            List<String> usable = new ArrayList<>();
            for (String f : kept) {
                if (Standardization.isConstant(fa.column(f, train))) {
                    ex.put(f, "constant on the training cohort");
                } else {
                    usable.add(f);
                }
            }
            candidates.put(s, usable);
        }
        if (in.readerB() == null) {
            a.put("icc_note", "no reader-B features given; the reproducibility gate was not applied");
        }

        // ---- standardisation with training statistics
        Map<String, double[]> trainCols = new LinkedHashMap<>();
        for (Sequence s : Sequence.values()) {
            for (String f : candidates.get(s)) {
                trainCols.put(s.prefixed(f), in.readerA().sequences().get(s).column(f, train));
            }
        }
        Standardization std = Standardization.fit(trainCols);
        ObjectNode stdNode = a.putObject("standardization");
        for (String f : trainCols.keySet()) {
            ObjectNode o = stdNode.putObject(f);
            o.put("mean", std.stats().get(f).mean());
            o.put("sd", std.stats().get(f).sd());
        }
        Map<String, Map<String, Double>> zByCase = new TreeMap<>();
        for (String id : ids) {
            Map<String, Double> z = new LinkedHashMap<>();
            for (Sequence s : Sequence.values()) {
                FeatureTable.SequenceFeatures sf = in.readerA().sequences().get(s);
                double[] v = sf.cases().get(id);
                for (String f : candidates.get(s)) {
                    String p = s.prefixed(f);
                    z.put(p, std.apply(p, v[sf.index(f)]));
                }
            }
            zByCase.put(id, z);
        }

        ObjectNode models = a.putObject("models");
        Map<String, Map<String, Double>> allScores = new LinkedHashMap<>();
        Map<String, Map<String, Double>> coefficients = new LinkedHashMap<>();
        Map<String, RadScoreModel> radModels = new LinkedHashMap<>();
        FeatureSelectionPipeline pipeline = new FeatureSelectionPipeline(settings.selection());

        // ---- seven radiomics models
        for (String m : RADIOMICS_MODELS) {
            List<String> names = new ArrayList<>();
            for (Sequence s : sequencesOf(m)) {
                candidates.get(s).forEach(f -> names.add(s.prefixed(f)));
            }
            if (names.isEmpty()) {
                throw new ModelingException(m + " model: no candidate feature left after the ICC gate and exclusions");
            }
            double[][] cols = zColumns(zByCase, names, train);
            RadScoreModel rm = pipeline.run(m, names, cols, yTrain);
            radModels.put(m, rm);
            coefficients.put(m, rm.coefficients());
            Map<String, Double> sc = new TreeMap<>();
            for (String id : ids) {
                sc.put(id, rm.score(zByCase.get(id)));
            }
            allScores.put(m, sc);
            ObjectNode mn = models.putObject(m);
            ObjectNode steps = mn.putObject("steps");
            ArrayNode anova = steps.putArray("anova_mw");
            rm.univariate().stream().filter(u -> u.kept()).forEach(u -> anova.add(u.feature()));
            steps.put("anova_mw_tested", rm.univariate().size());
            ArrayNode sp = steps.putArray("spearman");
            rm.spearman().kept().forEach(sp::add);
            ArrayNode rf = steps.putArray("rf_top");
            rm.rfTop().forEach(r -> rf.add(r.feature()));
            ObjectNode rfImp = steps.putObject("rf_importance");
            rm.rfTop().forEach(r -> rfImp.put(r.feature(), r.importance()));
            ObjectNode lasso = steps.putObject("lasso");
            lasso.put("scale", "candidates standardised with 'standardization' (z = (x - mean)/sd, training cohort)");
            ArrayNode cand = lasso.putArray("candidates");
            rm.rfTop().forEach(r -> cand.add(r.feature()));
            lasso.put("lambda_min", rm.lassoCv().lambdaMin());
            lasso.put("lambda_1se", rm.lassoCv().lambda1se());
            lasso.put("lambda_rule", settings.selection().lambdaRule().name());
            lasso.put("cv_folds", settings.selection().cvFolds());
            if (!rm.lambdaNote().isEmpty()) {
                lasso.put("note", rm.lambdaNote());
            }
            ObjectNode lc = lasso.putObject("coefficients");
            lc.put(RadScoreModel.INTERCEPT, rm.lassoCoefficients()[0]);
            for (int j = 0; j < rm.rfTop().size(); j++) {
                if (rm.lassoCoefficients()[j + 1] != 0) {
                    lc.put(rm.rfTop().get(j).feature(), rm.lassoCoefficients()[j + 1]);
                }
            }
            ArrayNode foldId = lasso.putArray("foldid");
            for (int f : rm.lassoCv().foldId()) {
                foldId.add(f);
            }
            mn.put("lambda", rm.lambda());
            mn.put("refit", rm.refit());
        }

        // ---- clinical predictors (training cohort)
        List<String> clinVars = new ArrayList<>(ClinicalTable.CONTINUOUS);
        clinVars.addAll(ClinicalTable.BINARY);
        clinVars.addAll(in.clinical().locationVariables());
        ObjectNode clinical = a.putObject("clinical");
        ObjectNode encoding = clinical.putObject("encoding");
        ClinicalTable.ENCODING.forEach(encoding::put);
        in.clinical().locationVariables().forEach(v -> encoding.put(v, "tumor_location == '"
                + v.substring("tumor_location_".length()) + "' (reference: '" + in.clinical().locationLevels().get(0) + "')"));
        ObjectNode uni = clinical.putObject("univariate");
        List<String> significant = new ArrayList<>();
        List<List<String>> table2 = new ArrayList<>();
        Map<String, Coefficient> uniCoef = new LinkedHashMap<>();
        for (String v : clinVars) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (Double.isFinite(in.clinical().value(train.get(i), v))) {
                    rows.add(i);
                }
            }
            double[][] x = rows.stream().map(i -> new double[] {in.clinical().value(train.get(i), v)}).toArray(double[][]::new);
            int[] yy = rows.stream().mapToInt(i -> yTrain[i]).toArray();
            ObjectNode vn = uni.putObject(v);
            vn.put("n", rows.size());
            try {
                Coefficient c = LogisticRegression.fit(x, yy, List.of(v), "clinical univariate " + v).coefficients().get(1);
                uniCoef.put(v, c);
                orNode(vn, c);
                if (c.pValue() < settings.clinicalAlpha()) {
                    significant.add(v);
                }
            } catch (ModelingException e) {
                vn.put("error", e.getMessage());
            }
        }
        String clinNote = "";
        if (significant.isEmpty()) {
            significant = List.of("alb", "tumor_multiple");
            clinNote = "no clinical variable reached univariate p < " + settings.clinicalAlpha()
                    + "; the multivariate model uses the study's predictors ALB and tumour number";
        }
        LogisticFit clinFit = LogisticRegression.fit(matrix(in.clinical(), train, significant), yTrain, significant,
                "clinical multivariate model (training cohort)");
        ObjectNode multi = clinical.putObject("multivariate");
        for (Coefficient c : clinFit.coefficients().subList(1, clinFit.coefficients().size())) {
            orNode(multi.putObject(c.name()), c);
        }
        if (!clinNote.isEmpty()) {
            clinical.put("note", clinNote);
        }
        for (String v : clinVars) {
            Coefficient u = uniCoef.get(v);
            Coefficient mv = clinFit.coefficients().stream().filter(c -> c.name().equals(v)).findFirst().orElse(null);
            table2.add(List.of(v, u == null ? "not estimable" : orText(u), u == null ? "" : BaselineTable.formatP(u.pValue()),
                    mv == null ? "" : orText(mv), mv == null ? "" : BaselineTable.formatP(mv.pValue())));
        }
        Map<String, Double> clinCoef = new LinkedHashMap<>();
        clinFit.coefficients().forEach(c -> clinCoef.put(c.name(), c.estimate()));
        coefficients.put(CLINICAL, clinCoef);
        Map<String, Double> clinScores = new TreeMap<>();
        double[][] clinAll = matrix(in.clinical(), ids, significant);
        for (int i = 0; i < ids.size(); i++) {
            clinScores.put(ids.get(i), LinearPredictor.eta(clinFit.estimates(), clinAll[i]));
        }
        allScores.put(CLINICAL, clinScores);
        ObjectNode cm = models.putObject(CLINICAL);
        ArrayNode cv = nonRadiomicsSteps(cm).putArray("variables");
        significant.forEach(cv::add);
        cm.putNull("lambda");

        // ---- nomogram: ALB + tumour number + mpMRI rad-score
        // Documented handling: when the mpMRI rad-score separates the training cohort together with ALB and tumour
        // number (the nomogram's MLE does not exist), the nomogram takes the mpMRI LASSO rad-score at the first λ,
        // from λ_1se upwards along the CV path, at which its logistic model can be fitted, and says so.
        Map<String, Double> nomRadCoef = new LinkedHashMap<>(radModels.get("mpMRI").coefficients());
        Map<String, Double> nomRad = allScores.get("mpMRI");
        String nomNote = "";
        double[][] nomTrain = nomogramMatrix(in.clinical(), train, nomRad);
        LogisticFit nomFit;
        try {
            nomFit = LogisticRegression.fit(nomTrain, yTrain, NOMOGRAM_PREDICTORS, "nomogram (training cohort)");
        } catch (ModelingException first) {
            RadScoreModel mp = radModels.get("mpMRI");
            nomFit = null;
            double[] lambdas = mp.lassoCv().lambdas();
            for (int k = lambdas.length - 1; k >= 0 && nomFit == null; k--) {
                if (lambdas[k] < mp.lassoCv().lambda1se()) {
                    continue;
                }
                LinkedHashMap<String, Double> c = mp.lassoCoefficientsAt(lambdas[k]);
                if (c.size() < 2) {
                    break;
                }
                Map<String, Double> sc = new TreeMap<>();
                for (String id : ids) {
                    sc.put(id, org.radstream.modeling.selection.RadScore.of(c, zByCase.get(id)));
                }
                double[][] xt = nomogramMatrix(in.clinical(), train, sc);
                try {
                    nomFit = LogisticRegression.fit(xt, yTrain, NOMOGRAM_PREDICTORS, "nomogram (training cohort)");
                    nomRadCoef = c;
                    nomRad = sc;
                    nomTrain = xt;
                    nomNote = "the mpMRI rad-score separated the training cohort in the nomogram model (" + first.getMessage()
                            + "); the nomogram uses the mpMRI LASSO rad-score at lambda " + lambdas[k]
                            + " (lambda.1se = " + mp.lassoCv().lambda1se() + "), coefficients in radscore_coefficients";
                    nomNode(a).put("radscore_lambda", lambdas[k]);
                } catch (ModelingException again) {
                    // try the next larger lambda
                }
            }
            if (nomFit == null) {
                throw new ModelingException(first.getMessage() + "; no LASSO rad-score from lambda.1se up avoids it");
            }
        }
        List<double[]> nomCols = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            final int jj = j;
            nomCols.add(java.util.Arrays.stream(nomTrain).mapToDouble(r -> r[jj]).toArray());
        }
        Nomogram nom = Nomogram.build(nomFit, nomCols, List.of(false, true, false));
        Map<String, Double> nomCoef = new LinkedHashMap<>();
        nomFit.coefficients().forEach(c -> nomCoef.put(c.name(), c.estimate()));
        coefficients.put(NOMOGRAM, nomCoef);
        double[][] nomAll = nomogramMatrix(in.clinical(), ids, nomRad);
        Map<String, Double> nomScores = new TreeMap<>();
        ObjectNode nomNode = nomNode(a);
        ObjectNode nc = nomNode.putObject("coefficients");
        nomCoef.forEach(nc::put);
        ObjectNode nrc = nomNode.putObject("radscore_coefficients");
        nomRadCoef.forEach(nrc::put);
        if (!nomNote.isEmpty()) {
            nomNode.put("note", nomNote);
        }
        ObjectNode pts = nomNode.putObject("points");
        pts.put("scale_points_per_logit", nom.scale());
        pts.put("linear_predictor_at_zero_points", nom.linearPredictorAtZero());
        ArrayNode axes = pts.putArray("axes");
        for (int j = 0; j < nom.axes().size(); j++) {
            Nomogram.Axis ax = nom.axes().get(j);
            ObjectNode an = axes.addObject();
            an.put("name", ax.name());
            an.put("coefficient", ax.coefficient());
            an.put("binary", ax.binary());
            ArrayNode vals = an.putArray("values"), ps = an.putArray("points");
            for (double v : ax.values()) {
                vals.add(v);
                ps.add(nom.points(j, v));
            }
        }
        ArrayNode riskScale = pts.putArray("total_points_to_probability");
        for (double p : new double[] {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95}) {
            riskScale.addObject().put("probability", p).put("total_points", nom.totalForProbability(p));
        }
        ObjectNode nomCases = nomNode.putObject("cases");
        for (int i = 0; i < ids.size(); i++) {
            Nomogram.CasePoints cp = nom.score(nomAll[i]);
            nomScores.put(ids.get(i), cp.linearPredictor());
            ObjectNode o = nomCases.putObject(ids.get(i));
            ObjectNode pp = o.putObject("points");
            cp.points().forEach(pp::put);
            o.put("total", cp.total());
            o.put("probability", cp.probability());
        }
        allScores.put(NOMOGRAM, nomScores);
        ObjectNode nm = models.putObject(NOMOGRAM);
        ArrayNode nv = nonRadiomicsSteps(nm).putArray("variables");
        NOMOGRAM_PREDICTORS.forEach(nv::add);
        nm.putNull("lambda");

        // ---- per model: coefficients, scores, AUC, Youden threshold, performance
        List<String> modelNames = new ArrayList<>(RADIOMICS_MODELS);
        modelNames.add(CLINICAL);
        modelNames.add(NOMOGRAM);
        Map<String, Map<String, CohortScores>> byCohort = new LinkedHashMap<>();
        List<List<String>> table3 = new ArrayList<>();
        ObjectNode artifactModels = JSON.createObjectNode();
        for (String m : modelNames) {
            ObjectNode mn = (ObjectNode) models.get(m);
            ObjectNode co = mn.putObject("coefficients");
            coefficients.get(m).forEach(co::put);
            ObjectNode sc = mn.putObject("scores");
            allScores.get(m).forEach(sc::put);
            CohortScores tr = cohort(train, allScores.get(m), yTrain), va = cohort(valid, allScores.get(m), yValid);
            byCohort.put(m, Map.of(CohortSplit.TRAIN, tr, CohortSplit.VALIDATION, va));
            ObjectNode aucNode = mn.putObject("auc");
            Auc at = DeLong.auc(tr.scores(), tr.y(), m + " training cohort");
            Auc av = DeLong.auc(va.scores(), va.y(), m + " validation cohort");
            aucNode(aucNode.putObject(CohortSplit.TRAIN), at);
            aucNode(aucNode.putObject(CohortSplit.VALIDATION), av);
            double thr = Classification.youdenThreshold(tr.scores(), tr.y(), m + " training cohort");
            mn.put("threshold", thr);
            Classification.Performance pt = Classification.at(tr.scores(), tr.y(), thr);
            Classification.Performance pv = Classification.at(va.scores(), va.y(), thr);
            mn.putObject("accuracy").put(CohortSplit.TRAIN, pt.accuracy()).put(CohortSplit.VALIDATION, pv.accuracy());
            mn.putObject("sensitivity").put(CohortSplit.TRAIN, pt.sensitivity()).put(CohortSplit.VALIDATION, pv.sensitivity());
            mn.putObject("specificity").put(CohortSplit.TRAIN, pt.specificity()).put(CohortSplit.VALIDATION, pv.specificity());
            table3.add(List.of(m, aucText(at), aucText(av), f3(pt.accuracy()), f3(pv.accuracy()), f3(pt.sensitivity()),
                    f3(pv.sensitivity()), f3(pt.specificity()), f3(pv.specificity())));
            ObjectNode am = artifactModels.putObject(m);
            ObjectNode ac = am.putObject("coefficients");
            coefficients.get(m).forEach(ac::put);
            am.put("threshold", thr);
            am.put("score", m.equals(NOMOGRAM) || m.equals(CLINICAL) ? "linear predictor (logit)" : "rad-score (logit)");
        }

        // ---- DeLong comparisons between correlated curves
        ArrayNode comps = a.putArray("comparisons");
        String[][] pairs = {{NOMOGRAM, "mpMRI"}, {NOMOGRAM, CLINICAL}, {"mpMRI", CLINICAL}};
        for (String cohort : List.of(CohortSplit.TRAIN, CohortSplit.VALIDATION)) {
            for (String[] p : pairs) {
                CohortScores s1 = byCohort.get(p[0]).get(cohort), s2 = byCohort.get(p[1]).get(cohort);
                TestResult t = DeLong.compare(s1.scores(), s2.scores(), s1.y(), p[0] + " vs " + p[1] + " (" + cohort + ")");
                ObjectNode o = comps.addObject();
                o.put("a", p[0]).put("b", p[1]).put("cohort", cohort).put("method", "DeLong paired (pROC roc.test)");
                num(o, "z", t.statistic());
                num(o, "p", t.pValue());
            }
        }

        // ---- calibration and decision curves (probability = logistic of the model's logit score)
        ObjectNode calNode = a.putObject("calibration");
        ObjectNode dcaNode = a.putObject("dca");
        Map<String, Map<String, Calibration.Result>> calibration = new LinkedHashMap<>();
        Map<String, Map<String, List<DecisionCurve.Point>>> dca = new LinkedHashMap<>();
        for (String cohort : List.of(CohortSplit.TRAIN, CohortSplit.VALIDATION)) {
            ObjectNode dc = dcaNode.putObject(cohort);
            ArrayNode thresholds = dc.putArray("thresholds");
            for (int k = 1; k <= 99; k++) {
                thresholds.add(k / 100.0);
            }
            Map<String, List<DecisionCurve.Point>> dcCohort = new LinkedHashMap<>();
            for (String m : List.of(NOMOGRAM, CLINICAL, "mpMRI")) {
                CohortScores cs = byCohort.get(m).get(cohort);
                double[] prob = java.util.Arrays.stream(cs.scores()).map(LinearPredictor::logistic).toArray();
                Calibration.Result cr = Calibration.evaluate(prob, cs.y(), Math.min(settings.calibrationGroups(), cs.y().length / 2),
                        m + " " + cohort + " cohort");
                calibration.computeIfAbsent(m, k -> new LinkedHashMap<>()).put(cohort, cr);
                ObjectNode cn = ((ObjectNode) calNode.with(m)).putObject(cohort);
                cn.put("brier", cr.brier());
                num(cn, "intercept", cr.intercept());
                num(cn, "slope", cr.slope());
                if (!cr.note().isEmpty()) {
                    cn.put("note", cr.note());
                }
                ObjectNode hl = cn.putObject("hosmer_lemeshow");
                hl.put("statistic", cr.hosmerLemeshow().statistic()).put("df", cr.hosmerLemeshow().df());
                num(hl, "p", cr.hosmerLemeshow().pValue());
                ArrayNode bins = cn.putArray("bins");
                cr.bins().forEach(b -> bins.addObject().put("n", b.n()).put("mean_predicted", b.meanPredicted())
                        .put("observed", b.observedRate()));
                ArrayNode smooth = cn.putArray("smooth");
                cr.smooth().forEach(p -> smooth.addObject().put("predicted", p.predicted()).put("observed", p.observed()));
                List<DecisionCurve.Point> curve = DecisionCurve.netBenefit(prob, cs.y(), m + " " + cohort);
                dcCohort.put(m, curve);
                ArrayNode nb = dc.putArray(m);
                curve.forEach(p -> nb.add(p.model()));
            }
            ArrayNode all = dc.putArray("treat_all"), none = dc.putArray("treat_none");
            dcCohort.get(NOMOGRAM).forEach(p -> {
                all.add(p.treatAll());
                none.add(p.treatNone());
            });
            dca.put(cohort, dcCohort);
        }

        // ---- Table 1 (all cases, ER vs non-ER)
        BaselineTable t1 = new BaselineTable();
        for (String v : ClinicalTable.CONTINUOUS) {
            t1.continuous(v, clinColumn(in.clinical(), ids, outcomes, v, 1), clinColumn(in.clinical(), ids, outcomes, v, 0),
                    ClinicalTable.SKEWED.contains(v) ? BaselineTable.Summary.MEDIAN_IQR : BaselineTable.Summary.MEAN_SD);
        }
        for (String v : ClinicalTable.BINARY) {
            t1.binary(v, clinColumn(in.clinical(), ids, outcomes, v, 1), clinColumn(in.clinical(), ids, outcomes, v, 0));
        }
        for (String v : in.clinical().locationVariables()) {
            t1.binary(v, clinColumn(in.clinical(), ids, outcomes, v, 1), clinColumn(in.clinical(), ids, outcomes, v, 0));
        }
        int n1 = sum(ids.stream().mapToInt(outcomes::get).toArray());
        List<List<String>> t1rows = new ArrayList<>();
        ObjectNode t1node = a.putObject("table1");
        for (BaselineTable.Row r : t1.rows()) {
            t1rows.add(List.of(r.variable(), r.group1(), r.group0(), r.test(), r.formattedP()));
            ObjectNode o = t1node.putObject(r.variable());
            o.put("er", r.group1()).put("non_er", r.group0()).put("test", r.test());
            num(o, "p", r.pValue());
        }
        List<Table> tables = List.of(
                new Table("table1", "Table 1. Baseline characteristics, ER (n = " + n1 + ") vs non-ER (n = " + (ids.size() - n1) + ")",
                        List.of("variable", "ER", "non-ER", "test", "p"), t1rows),
                new Table("table2", "Table 2. Clinical predictors of ER, logistic regression on the training cohort (OR, Wald 95% CI)",
                        List.of("variable", "univariate OR (95% CI)", "p", "multivariate OR (95% CI)", "p"), table2),
                new Table("table3", "Table 3. Model performance (AUC with DeLong 95% CI; threshold by Youden index on training)",
                        List.of("model", "AUC train", "AUC validation", "accuracy train", "accuracy validation",
                                "sensitivity train", "sensitivity validation", "specificity train", "specificity validation"), table3));

        // ---- model artifact
        String fingerprint = fingerprint(train, outcomes, in, candidates);
        ObjectNode art = ModelArtifactWriter.build(settings, candidates, std, radModels, nomRadCoef, artifactModels, nom,
                clinFit, significant, fingerprint, in.readerA().settingsHash(), train.size(), valid.size(), models);
        a.put("training_data_fingerprint", fingerprint);

        Map<String, Map<String, CohortScores>> figScores = new LinkedHashMap<>(byCohort);
        return new Result(a, art, tables, figScores, coefficients, nom, calibration, dca.get(CohortSplit.VALIDATION), dca);
    }

    // ---------------------------------------------------------------- helpers

    /** Clinical and nomogram models have no selection steps; the keys are present and null. */
    private static ObjectNode nonRadiomicsSteps(ObjectNode model) {
        ObjectNode steps = model.putObject("steps");
        for (String k : List.of("anova_mw", "spearman", "rf_top", "lasso")) {
            steps.putNull(k);
        }
        return steps;
    }

    private static ObjectNode nomNode(ObjectNode a) {
        return a.has("nomogram") ? (ObjectNode) a.get("nomogram") : a.putObject("nomogram");
    }

    /** Standardised values, cols[feature][case]; each case's map looked up once (mpMRI has thousands of features). */
    private static double[][] zColumns(Map<String, Map<String, Double>> z, List<String> features, List<String> ids) {
        List<Map<String, Double>> rows = ids.stream().map(z::get).toList();
        double[][] out = new double[features.size()][ids.size()];
        for (int j = 0; j < out.length; j++) {
            String f = features.get(j);
            for (int i = 0; i < rows.size(); i++) {
                out[j][i] = rows.get(i).get(f);
            }
        }
        return out;
    }

    static double[][] matrix(ClinicalTable c, List<String> ids, List<String> vars) {
        double[][] x = new double[ids.size()][vars.size()];
        for (int i = 0; i < ids.size(); i++) {
            for (int j = 0; j < vars.size(); j++) {
                double v = c.value(ids.get(i), vars.get(j));
                if (!Double.isFinite(v)) {
                    throw new ModelingException(c.file() + ": case " + ids.get(i) + " has no value for " + vars.get(j)
                            + ", which the clinical model and nomogram need");
                }
                x[i][j] = v;
            }
        }
        return x;
    }

    private static double[][] nomogramMatrix(ClinicalTable c, List<String> ids, Map<String, Double> radscore) {
        double[][] base = matrix(c, ids, List.of("alb", "tumor_multiple"));
        double[][] x = new double[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            x[i] = new double[] {base[i][0], base[i][1], radscore.get(ids.get(i))};
        }
        return x;
    }

    private static double[] clinColumn(ClinicalTable c, List<String> ids, Map<String, Integer> y, String v, int cls) {
        return ids.stream().filter(i -> y.get(i) == cls).mapToDouble(i -> c.value(i, v)).toArray();
    }

    private static CohortScores cohort(List<String> ids, Map<String, Double> scores, int[] y) {
        return new CohortScores(ids, ids.stream().mapToDouble(scores::get).toArray(), y);
    }

    private static void aucNode(ObjectNode o, Auc a) {
        o.put("value", a.value()).put("ci_low", a.ciLow()).put("ci_high", a.ciHigh());
    }

    private static void orNode(ObjectNode o, Coefficient c) {
        o.put("or", c.oddsRatio()).put("ci_low", c.orCiLow()).put("ci_high", c.orCiHigh());
        num(o, "p", c.pValue());
        o.put("coefficient", c.estimate()).put("se", c.standardError());
    }

    private static String orText(Coefficient c) {
        return String.format(java.util.Locale.ROOT, "%.3f (%.3f-%.3f)", c.oddsRatio(), c.orCiLow(), c.orCiHigh());
    }

    private static String aucText(Auc a) {
        return String.format(java.util.Locale.ROOT, "%.3f (%.3f-%.3f)", a.value(), a.ciLow(), a.ciHigh());
    }

    private static String f3(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.3f", v) : "NA";
    }

    /** JSON number, or null when not finite (JSON has no NaN). */
    static void num(ObjectNode o, String k, double v) {
        if (Double.isFinite(v)) {
            o.put(k, v);
        } else {
            o.putNull(k);
        }
    }

    private static int sum(int[] y) {
        int s = 0;
        for (int v : y) {
            s += v;
        }
        return s;
    }

    /** SHA-256 over the training cases in id order: id, label, every candidate feature value, clinical values. */
    private static String fingerprint(List<String> train, Map<String, Integer> y, Inputs in, Map<Sequence, List<String>> cand) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String id : train) {
                StringBuilder sb = new StringBuilder(id).append('|').append(y.get(id));
                for (Sequence s : Sequence.values()) {
                    FeatureTable.SequenceFeatures sf = in.readerA().sequences().get(s);
                    double[] v = sf.cases().get(id);
                    for (String f : cand.get(s)) {
                        sb.append('|').append(s).append(':').append(f).append('=').append(v[sf.index(f)]);
                    }
                }
                in.clinical().cases().get(id).forEach((k, v) -> sb.append('|').append(k).append('=').append(v));
                sb.append('\n');
                md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
