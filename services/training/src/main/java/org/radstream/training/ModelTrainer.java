package org.radstream.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.radstream.events.ModelPublished;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.report.AnalysisWriter;
import org.radstream.modeling.study.StudyAnalysis;
import org.radstream.modeling.study.StudySettings;
import org.radstream.streaming.blob.BlobStore;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;

/**
 * One training run (DESIGN §1 steps 5–10): the modeling library's {@link StudyAnalysis} on a {@link TrainingData}
 * snapshot (no ICC step here: the quality gate already restricted the features to the stable set), its full outputs
 * ({@link AnalysisWriter}: analysis.json, model.json, tables, figures) written to the blob store under
 * {@code models/<modelName>/v<version>/}, and the {@link ModelPublished} event carrying the artifact. Wiring only:
 * every number comes from the library.
 *
 * <p>Metrics on the event: {@code auc_train}, {@code auc_train_ci_low|high}, {@code auc_validation},
 * {@code auc_validation_ci_low|high}, {@code accuracy|sensitivity|specificity_validation} of the nomogram (the
 * model that makes the risk score), and the same prefixed with the model name for each of the nine models
 * ({@code mpMRI.auc_validation}, {@code T1WI.auc_train_ci_low}, {@code clinical.auc_validation}, …); AUC with
 * DeLong 95% CI. A NaN statistic (e.g. an undefined CI) is left out: the map holds numbers only.
 */
public final class ModelTrainer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A finished run: the event to publish, the library's result and where its outputs are. */
    public record Trained(ModelPublished model, StudyAnalysis.Result result, URI analysisUri) {
    }

    private final TrainingSettings settings;
    private final BlobStore blobs;
    private final Clock clock;

    public ModelTrainer(TrainingSettings settings, BlobStore blobs, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Fewest cases each outcome class needs for the analysis to be possible at all: a stratified split that
     * leaves at least one case of the class in validation and, in training, at least one case per LASSO
     * cross-validation fold.
     */
    public static int minimumPerClass(StudySettings s) {
        int k = s.selection().cvFolds();
        for (int n = 2; ; n++) {
            long train = Math.round(s.trainFraction() * n);
            if (train >= k && n - train >= 1) {
                return n;
            }
        }
    }

    /**
     * Checks the hard minimum of {@link #minimumPerClass}.
     *
     * @throws RejectedRecordException TRAINING_FAILED naming the counts and what is needed
     */
    public void checkEnough(TrainingData d) {
        int need = minimumPerClass(settings.study());
        if (d.events() < need || d.nonEvents() < need) {
            throw new RejectedRecordException(ReasonCode.TRAINING_FAILED, "cannot train: " + d.cases()
                    + " usable labelled cases (" + d.events() + " with early recurrence, " + d.nonEvents() + " without"
                    + (d.excluded().isEmpty() ? "" : ", " + d.excluded().size() + " excluded") + "); each outcome class needs at least "
                    + need + " (a " + Math.round(settings.study().trainFraction() * 100) + "% training cohort with "
                    + settings.study().selection().cvFolds() + "-fold cross-validation)");
        }
    }

    /**
     * Runs the analysis and writes its outputs; publishes nothing.
     *
     * @param version the version the model will carry (latest published + 1)
     * @throws RejectedRecordException TRAINING_FAILED when the data is too small or the analysis cannot run
     *                                 (one class only, too few cases for k-fold, no feature selected, ...)
     * @throws UncheckedIOException    when the outputs cannot be written to the blob store
     */
    public Trained train(TrainingData data, int version) {
        checkEnough(data);
        StudyAnalysis.Result r;
        try {
            r = StudyAnalysis.run(data.inputs(), settings.study());
        } catch (ModelingException e) {
            throw new RejectedRecordException(ReasonCode.TRAINING_FAILED, "analysis of " + data.cases()
                    + " labelled cases failed: " + e.getMessage(), e);
        }
        // the library assumes CSV input; say where this run came from
        r.artifact().put("created_by", "radstream training stage");
        ObjectNode a = r.analysis();
        a.put("icc_note", "features gated upstream: the quality-gate stage restricted each case to the ICC-stable set "
                + "(radstream.quality.stable-features.v1) before training");
        ObjectNode t = a.putObject("training_run");
        t.put("model_name", settings.modelName());
        t.put("version", version);
        t.put("input_fingerprint", data.fingerprint());
        t.put("feature_settings_hash", data.settingsHash());
        t.put("usable_cases", data.cases());
        ObjectNode ex = t.putObject("excluded_cases");
        data.excluded().forEach(ex::put);

        URI uri = writeOutputs(r, "models/" + settings.modelName() + "/v" + version);
        String artifactJson;
        try {
            artifactJson = JSON.writeValueAsString(r.artifact());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model artifact cannot be serialised", e);
        }
        ModelPublished m = ModelPublished.newBuilder()
                .setModelName(settings.modelName())
                .setVersion(version)
                .setArtifactFormatVersion(r.artifact().path("artifact_format_version").asInt(1))
                .setArtifactJson(artifactJson)
                .setArtifactSha256(sha256(artifactJson))
                .setTrainingDataFingerprint(data.fingerprint())
                .setFeatureSettingsHash(data.settingsHash())
                .setTrainingCases(r.artifact().get("training_cases").asInt())
                .setValidationCases(r.artifact().get("validation_cases").asInt())
                .setMetrics(metrics(r.analysis()))
                .setCreatedAt(clock.instant())
                .setAnalysisUri(uri.toString())
                .build();
        return new Trained(m, r, uri);
    }

    /** The headline metrics of {@code analysis.json}'s models (see the class comment). */
    static Map<String, Double> metrics(JsonNode analysis) {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode models = analysis.get("models");
        put(out, "", models.get(StudyAnalysis.NOMOGRAM));
        for (Map.Entry<String, JsonNode> e : models.properties()) {
            put(out, e.getKey() + ".", e.getValue());
        }
        return out;
    }

    private static void put(Map<String, Double> out, String prefix, JsonNode m) {
        for (String cohort : List.of("train", "validation")) {
            JsonNode auc = m.path("auc").path(cohort);
            num(out, prefix + "auc_" + cohort, auc.path("value"));
            num(out, prefix + "auc_" + cohort + "_ci_low", auc.path("ci_low"));
            num(out, prefix + "auc_" + cohort + "_ci_high", auc.path("ci_high"));
        }
        for (String k : List.of("accuracy", "sensitivity", "specificity")) {
            num(out, prefix + k + "_validation", m.path(k).path("validation"));
        }
    }

    private static void num(Map<String, Double> out, String key, JsonNode v) {
        if (v.isNumber() && Double.isFinite(v.asDouble())) {
            out.put(key, v.asDouble());
        }
    }

    /** AnalysisWriter writes to a local folder; each file is then put into the store under {@code prefix}. */
    private URI writeOutputs(StudyAnalysis.Result r, String prefix) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("radstream-training-");
            for (String rel : AnalysisWriter.write(r, tmp)) {
                blobs.put(prefix + "/" + rel, tmp.resolve(rel));
            }
            return blobs.folderUri(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the analysis outputs to the blob store under " + prefix + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try (Stream<Path> s = Files.walk(tmp)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary folder left behind is harmless
                }
            }
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
