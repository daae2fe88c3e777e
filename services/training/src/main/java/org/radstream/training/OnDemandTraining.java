package org.radstream.training;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import org.apache.kafka.clients.admin.Admin;
import org.radstream.streaming.blob.BlobStore;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.topics.TopicAdmin;

/**
 * One training run on demand ({@code radstream train}): read the four topics to their current end, train on every
 * usable labelled case and publish — without the service's quiet period, minimum count or fingerprint check (the
 * user asked for it), but with the hard minimum the analysis needs ({@link ModelTrainer#checkEnough}). A failure is
 * thrown to the caller (who reports it), not dead-lettered: nobody is waiting for it on the DLQ.
 */
public final class OnDemandTraining {
    /** The run: what was read and what was published. */
    public record Result(TrainingData data, ModelTrainer.Trained trained) {
    }

    private final RadstreamConfig config;
    private final TrainingSettings settings;
    private final BlobStore blobs;
    private final SchemaRegistration registration;
    private final Clock clock;

    public OnDemandTraining(RadstreamConfig config, TrainingSettings settings, BlobStore blobs, SchemaRegistration registration,
            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.registration = Objects.requireNonNull(registration, "registration");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param readTimeout      how long reading the topics to their end may take
     * @param minLabelledCases refuse to train on fewer usable labelled cases (1 = only the analysis's own minimum)
     * @throws org.radstream.streaming.dlq.RejectedRecordException TRAINING_FAILED when the data cannot be trained
     */
    public Result run(Duration readTimeout, int minLabelledCases) {
        try (Admin admin = Admin.create(config.toKafkaProperties())) {
            new TopicAdmin(admin, 30_000).ensure(TrainingService.topics(), (short) -1);
        }
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistrySettings.fromConfluentConfig(config.registryClientConfig()));
        TrainingData data;
        int version;
        try (InputReader in = new InputReader(ClientProperties.consumer(config, "radstream-train"), registry, (r, k, e) -> {
            throw new IllegalStateException(r.topic() + "-" + r.partition() + "@" + r.offset() + " cannot be decoded: " + e.getMessage(), e);
        })) {
            in.start(Duration.ofSeconds(30));
            in.readToEnd(readTimeout);
            data = in.cases().snapshot();
            version = in.models().nextVersion(settings.modelName());
        }
        if (data.cases() < minLabelledCases) {
            throw new RejectedRecordException(ReasonCode.TRAINING_FAILED, "cannot train: " + data.cases()
                    + " usable labelled cases" + (data.excluded().isEmpty() ? "" : " (" + data.excluded().size() + " excluded)")
                    + ", fewer than the " + minLabelledCases + " asked for");
        }
        ModelTrainer.Trained t = new ModelTrainer(settings, blobs, clock).train(data, version);
        try (ModelPublisher out = new ModelPublisher(config, registry, registration, "radstream-train", new DeadLetterCounts(), clock)) {
            out.publish(t.model());
        }
        return new Result(data, t);
    }
}
