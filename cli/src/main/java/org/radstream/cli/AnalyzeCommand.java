package org.radstream.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.radstream.modeling.icc.IccForm;
import org.radstream.modeling.icc.ReproducibilityGate;
import org.radstream.modeling.report.AnalysisWriter;
import org.radstream.modeling.selection.SelectionSettings;
import org.radstream.modeling.study.ClinicalTable;
import org.radstream.modeling.study.FeatureTable;
import org.radstream.modeling.study.OutcomeTable;
import org.radstream.modeling.study.StudyAnalysis;
import org.radstream.modeling.study.StudySettings;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radstream analyze}: the study's statistics end to end (DESIGN §1 steps 4–10) from feature, clinical
 * and outcome CSVs; writes analysis.json, model.json, tables and figures to --out.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "ICC gate, 7:3 split, feature selection, seven radiomics rad-scores, clinical model, nomogram, "
            + "AUC/DeLong, calibration and decision curves. Writes DIR/analysis.json, DIR/model.json, "
            + "DIR/tables/table{1,2,3}.{csv,md} and DIR/figures/*.{svg,png}. The same inputs and seed give the same numbers. "
            + "See docs/modeling.md.")
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--features", required = true, paramLabel = "A.csv",
            description = "Reader-A features: one row per caseId + sequence (columns caseId,sequence,<features>).")
    Path features;

    @Option(names = "--features-reader-b", paramLabel = "B.csv",
            description = "Reader-B features of the re-segmented cases, same layout; enables the ICC gate.")
    Path featuresB;

    @Option(names = "--clinical", required = true, paramLabel = "clinical.csv",
            description = "caseId,age,sex,alb,afp,alt,ast,tbil,hbsag,child_pugh,cirrhosis,tumor_number,tumor_size_cm,tumor_location")
    Path clinical;

    @Option(names = "--outcomes", required = true, paramLabel = "outcomes.csv",
            description = "caseId,early_recurrence,followup_months")
    Path outcomes;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the split, CV folds and forests (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--icc-threshold", defaultValue = "0.75", description = "Keep features with ICC above this (default: ${DEFAULT-VALUE}).")
    double iccThreshold;

    @Option(names = "--icc-form", defaultValue = "ICC2_1",
            description = "ICC1_1, ICC2_1 or ICC3_1 (default: ${DEFAULT-VALUE}, two-way random, absolute agreement).")
    IccForm iccForm;

    @Option(names = "--cv-folds", defaultValue = "10", description = "LASSO cross-validation folds (default: ${DEFAULT-VALUE}).")
    int cvFolds;

    @Option(names = "--lambda", defaultValue = "MIN", description = "LASSO lambda: MIN (lambda.min) or ONE_SE (lambda.1se) (default: ${DEFAULT-VALUE}).")
    SelectionSettings.LambdaRule lambdaRule;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        StudySettings settings = StudySettings.DEFAULT.withSeed(seed)
                .withIcc(new ReproducibilityGate.Settings(iccForm, iccThreshold));
        SelectionSettings sel = settings.selection().withCvFolds(cvFolds);
        sel = new SelectionSettings(sel.alpha(), sel.rule(), sel.spearmanThreshold(), sel.rfTop(), sel.rfTrees(),
                sel.cvFolds(), lambdaRule, sel.seed());
        settings = settings.withSelection(sel);
        long t0 = System.nanoTime();
        StudyAnalysis.Inputs in = new StudyAnalysis.Inputs(FeatureTable.read(features),
                featuresB == null ? null : FeatureTable.read(featuresB), ClinicalTable.read(clinical), OutcomeTable.read(outcomes));
        StudyAnalysis.Result r = StudyAnalysis.run(in, settings);
        List<String> files = AnalysisWriter.write(r, out);
        JsonNode models = r.analysis().get("models");
        o.printf(Locale.ROOT, "%-10s %-24s %-24s%n", "model", "AUC train (95% CI)", "AUC validation (95% CI)");
        models.fields().forEachRemaining(e -> o.printf(Locale.ROOT, "%-10s %-24s %-24s%n", e.getKey(),
                auc(e.getValue().get("auc").get("train")), auc(e.getValue().get("auc").get("validation"))));
        o.printf(Locale.ROOT, "wrote %d files to %s in %.1f s%n", files.size(), out, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private static String auc(JsonNode a) {
        return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", a.get("value").asDouble(), a.get("ci_low").asDouble(),
                a.get("ci_high").asDouble());
    }
}
