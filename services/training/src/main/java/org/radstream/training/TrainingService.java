package org.radstream.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.radstream.events.ModelPublished;
import org.radstream.streaming.blob.BlobStore;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.runtime.Health;
import org.radstream.streaming.runtime.ManagedService;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.topics.TopicAdmin;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training stage as a {@link ManagedService}: one thread reads {@code features.case}, {@code clinical},
 * {@code outcomes} and {@code models} whole ({@link InputReader}), keeps the latest record per caseId, and trains and
 * publishes when {@link TrainingTrigger} says so ({@link ModelTrainer}, {@link ModelPublisher}). A failed run is
 * logged and dead-lettered with TRAINING_FAILED, and the service goes on waiting for new data.
 *
 * <p>Run <b>one</b> instance: training is not partitioned (every run needs every case). Two instances would both
 * train the same data and publish the same version number twice; inference would still use one of two identical
 * models, but the version history would be wrong.
 *
 * <p>Metrics besides {@link StageMetrics}' (records in = input records read; records out = models published;
 * processing time = one training run; DLQ by reason; {@code radstream_model_version{model}} = the latest published
 * version, also of other publishers such as {@code radstream train}):
 * {@code radstream_training_cases{state=labelled|usable|excluded}} at the last evaluation.
 */
public final class TrainingService implements ManagedService {
    public static final String STAGE = "training";
    private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);

    private final RadstreamConfig config;
    private final TrainingSettings settings;
    private final TrainingTrigger trigger;
    private final ModelTrainer trainer;
    private final SchemaRegistration registration;
    private final StageMetrics metrics;
    private final DeadLetterCounts counts;
    private final Clock clock;
    private final CompletableFuture<Void> termination = new CompletableFuture<>();
    private final AtomicInteger modelVersion = new AtomicInteger();
    private final AtomicInteger labelled = new AtomicInteger(), usable = new AtomicInteger(), excluded = new AtomicInteger();
    private final Set<String> loggedExclusions = new HashSet<>();

    private volatile boolean stopping;
    private volatile boolean caughtUp;
    private volatile TrainingTrigger.Decision lastDecision;
    private volatile Thread thread;
    private volatile InputReader reader;

    public TrainingService(RadstreamConfig config, TrainingSettings settings, BlobStore blobs, SchemaRegistration registration,
            StageMetrics metrics, DeadLetterCounts counts, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trigger = new TrainingTrigger(settings);
        this.trainer = new ModelTrainer(settings, blobs, clock);
        this.registration = Objects.requireNonNull(registration, "registration");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Map.Entry<String, AtomicInteger> e : Map.of("labelled", labelled, "usable", usable, "excluded", excluded).entrySet()) {
            Gauge.builder("radstream.training.cases", e.getValue(), AtomicInteger::get)
                    .description("Labelled cases at the last evaluation of the training trigger").tag("state", e.getKey())
                    .register(metrics.registry());
        }
    }

    /** Topics the stage reads or writes, created if missing. */
    static List<TopicSpec> topics() {
        List<TopicSpec> t = new ArrayList<>(InputReader.TOPICS);
        t.add(Topics.DLQ);
        return t;
    }

    @Override
    public String name() {
        return STAGE;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("training already started");
        }
        try (Admin admin = Admin.create(config.toKafkaProperties())) {
            new TopicAdmin(admin, 30_000).ensure(topics(), (short) -1);
        }
        Thread t = new Thread(this::run, "training");
        thread = t;
        t.start();
    }

    private void run() {
        Throwable failure = null;
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistrySettings.fromConfluentConfig(config.registryClientConfig()));
        try (ModelPublisher out = new ModelPublisher(config, registry, registration, STAGE, counts, clock);
             InputReader in = new InputReader(ClientProperties.consumer(config, STAGE), registry,
                     (r, k, e) -> out.undecodable(r.topic(), r.partition(), r.offset(), r.value(), e))) {
            reader = in;
            metrics.bind(out.producer());
            metrics.bind(in.consumer());
            in.start(Duration.ofSeconds(30));
            loop(in, out);
        } catch (WakeupException | InterruptException e) {
            if (!stopping) {
                failure = e;
            }
        } catch (Throwable e) {
            failure = e;
            LOG.error("training: the service failed", e);
        } finally {
            if (failure == null) {
                termination.complete(null);
            } else {
                termination.completeExceptionally(failure);
            }
        }
    }

    private void loop(InputReader in, ModelPublisher out) {
        Instant lastChange = null;
        boolean dirty = true; // evaluate once after catching up, even with nothing new
        String failedFingerprint = null;
        while (!stopping) {
            InputReader.Polled p = in.poll(Duration.ofMillis(500));
            metrics.recordsIn(p.records());
            if (p.labelledChanges() > 0) {
                lastChange = clock.instant();
                dirty = true;
            }
            if (p.modelUpdates() > 0) {
                dirty = true;
                ModelPublished m = in.models().latest(settings.modelName());
                if (m != null) {
                    setVersion(m.getVersion());
                }
            }
            caughtUp = in.caughtUp();
            if (!dirty) {
                continue;
            }
            Instant now = clock.instant();
            TrainingTrigger.Decision pre = trigger.precheck(caughtUp, lastChange, now);
            if (pre != TrainingTrigger.Decision.TRAIN) {
                lastDecision = pre;
                continue; // still dirty: look again after the next poll
            }
            TrainingData d = in.cases().snapshot();
            labelled.set(in.cases().labelledCount());
            usable.set(d.cases());
            excluded.set(d.excluded().size());
            d.excluded().forEach((id, why) -> {
                if (loggedExclusions.add(id + "\n" + why)) {
                    LOG.warn("training: case {} excluded: {}", id, why);
                }
            });
            TrainingTrigger.Decision dec = trigger.decide(caughtUp, lastChange, now, d.cases(), d.fingerprint(),
                    in.models().fingerprint(settings.modelName()), failedFingerprint);
            lastDecision = dec;
            dirty = false;
            LOG.info("training: {} labelled cases, {} usable ({} with early recurrence), {} excluded: {}", labelled.get(),
                    d.cases(), d.events(), d.excluded().size(), dec);
            if (dec == TrainingTrigger.Decision.TRAIN) {
                if (!trainAndPublish(d, in.models(), out)) {
                    failedFingerprint = d.fingerprint();
                }
            }
        }
    }

    private void setVersion(int v) {
        modelVersion.set(v);
        metrics.modelVersion(settings.modelName(), v);
    }

    /**
     * Trains and publishes. A run that fails is logged and dead-lettered (TRAINING_FAILED for what the analysis cannot
     * do with this data, PROCESSING_ERROR for anything unexpected) and the service goes on; a failure to publish is
     * not caught: the service stops with an error and a restart trains the same data again.
     *
     * @return false when the run failed
     */
    private boolean trainAndPublish(TrainingData d, PublishedModels models, ModelPublisher out) {
        int version = models.nextVersion(settings.modelName());
        long t0 = System.nanoTime();
        ModelTrainer.Trained t;
        try {
            t = trainer.train(d, version);
        } catch (RejectedRecordException e) {
            LOG.warn("training: run on {} cases (data {}) failed, reason {}: {}", d.cases(), d.fingerprint(), e.reasonCode(),
                    e.getMessage());
            out.trainingFailed(e.reasonCode(), e.getMessage(), e, d.fingerprint());
            return false;
        } catch (RuntimeException e) {
            LOG.error("training: run on {} cases (data {}) failed unexpectedly", d.cases(), d.fingerprint(), e);
            out.trainingFailed(ReasonCode.PROCESSING_ERROR, null, e, d.fingerprint());
            return false;
        } finally {
            metrics.recordProcessing(Duration.ofNanos(System.nanoTime() - t0));
        }
        out.publish(t.model());
        models.put(t.model().getModelName(), t.model());
        setVersion(version);
        metrics.recordsOut(1);
        LOG.info("training: published {}", summary(t.model()));
        return true;
    }

    /** One line: name, version, cases, validation AUCs, outputs. */
    static String summary(ModelPublished m) {
        Map<String, Double> x = m.getMetrics();
        return String.format(java.util.Locale.ROOT,
                "model %s v%d: %d training + %d validation cases; validation AUC nomogram %.3f (%.3f-%.3f), mpMRI %.3f, clinical %.3f; data %s; outputs %s",
                m.getModelName(), m.getVersion(), m.getTrainingCases(), m.getValidationCases(),
                x.getOrDefault("auc_validation", Double.NaN), x.getOrDefault("auc_validation_ci_low", Double.NaN),
                x.getOrDefault("auc_validation_ci_high", Double.NaN), x.getOrDefault("mpMRI.auc_validation", Double.NaN),
                x.getOrDefault("clinical.auc_validation", Double.NaN), m.getTrainingDataFingerprint(), m.getAnalysisUri());
    }

    @Override
    public Health health() {
        Thread t = thread;
        boolean live = !termination.isCompletedExceptionally();
        String state = t == null ? "CREATED" : termination.isDone() ? "STOPPED" : caughtUp ? "RUNNING" : "CATCHING_UP";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("modelVersion", modelVersion.get());
        details.put("usableCases", usable.get());
        details.put("lastDecision", String.valueOf(lastDecision));
        return new Health(live, caughtUp && !termination.isDone(), state, details);
    }

    @Override
    public void stop(Duration timeout) {
        stopping = true;
        Thread t = thread;
        if (t == null) {
            termination.complete(null);
            return;
        }
        InputReader r = reader;
        if (r != null) {
            r.wakeup();
        }
        try {
            t.join(timeout.toMillis());
            if (t.isAlive()) {
                LOG.warn("training: a run is still in progress after {}; abandoning it (nothing was published)", timeout);
                t.interrupt();
                t.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        termination.complete(null);
    }

    @Override
    public CompletableFuture<Void> termination() {
        return termination;
    }
}
