package org.radstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.radstream.events.ModelPublished;
import org.radstream.streaming.blob.FileSystemBlobStore;
import org.radstream.streaming.dlq.RejectedRecordException;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.training.OnDemandTraining;
import org.radstream.training.TrainingSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radstream train}: one training run on demand — reads {@code features.case}, {@code clinical},
 * {@code outcomes} and {@code models} to their end, runs the study's analysis on every usable labelled case, writes
 * its outputs to the blob store and publishes the next model version; prints the version and the AUCs. Unlike the
 * training service it does not wait for a quiet period nor compare with the latest model's data.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the model now on every labelled case on the cluster and publish the next version.",
            "Exit 0 after publishing, 1 when it cannot train (the message says why)."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--min-labelled-cases", defaultValue = "1", paramLabel = "N",
            description = "Refuse to train on fewer usable labelled cases (default: ${DEFAULT-VALUE}; the analysis itself "
                + "needs at least 14 cases of each outcome class).")
    int minLabelledCases;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the split, CV folds and forests (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--blob-dir", defaultValue = "blobs", paramLabel = "DIR",
            description = "Filesystem blob store the stages share; outputs go to DIR/models/<model>/v<version>/ (default: ${DEFAULT-VALUE}).")
    Path blobDir;

    @Option(names = "--model-name", defaultValue = TrainingSettings.DEFAULT_MODEL,
            description = "Key of the published model (default: ${DEFAULT-VALUE}, the one inference scores with).")
    String modelName;

    @Option(names = "--read-timeout-s", defaultValue = "120", paramLabel = "S",
            description = "Longest time to read the topics to their end (default: ${DEFAULT-VALUE}).")
    int readTimeoutS;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        TrainingSettings settings;
        try {
            settings = new TrainingSettings(modelName, Math.max(1, minLabelledCases), Duration.ZERO, seed);
        } catch (IllegalArgumentException ex) {
            e.println("radstream train: " + ex.getMessage());
            return 2;
        }
        OnDemandTraining.Result r;
        try {
            r = new OnDemandTraining(connection.load(), settings, new FileSystemBlobStore(blobDir), SchemaRegistration.AUTO_REGISTER,
                    Clock.systemUTC()).run(Duration.ofSeconds(readTimeoutS), minLabelledCases);
        } catch (RejectedRecordException ex) {
            e.println("radstream train: " + ex.getMessage());
            return 1;
        }
        ModelPublished m = r.trained().model();
        o.printf(Locale.ROOT, "published model %s v%d: %d training + %d validation cases%s%n", m.getModelName(), m.getVersion(),
                m.getTrainingCases(), m.getValidationCases(),
                r.data().excluded().isEmpty() ? "" : " (" + r.data().excluded().size() + " labelled cases excluded; see analysis.json training_run)");
        o.printf(Locale.ROOT, "%-10s %-24s %-24s%n", "model", "AUC train (95% CI)", "AUC validation (95% CI)");
        for (var x : r.trained().result().analysis().get("models").properties()) {
            o.printf(Locale.ROOT, "%-10s %-24s %-24s%n", x.getKey(), auc(x.getValue().get("auc").get("train")),
                    auc(x.getValue().get("auc").get("validation")));
        }
        o.printf(Locale.ROOT, "analysis outputs: %s%n", m.getAnalysisUri());
        return 0;
    }

    private static String auc(JsonNode a) {
        return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", a.get("value").asDouble(), a.get("ci_low").asDouble(),
                a.get("ci_high").asDouble());
    }
}
