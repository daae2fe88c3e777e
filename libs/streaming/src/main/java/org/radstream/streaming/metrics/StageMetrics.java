package org.radstream.streaming.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.ReasonCode;

/**
 * The metrics of one stage process, in a Micrometer {@link PrometheusMeterRegistry} scraped at
 * {@code GET /metrics} ({@link MetricsHttpHandler}). Prometheus names (Micrometer's naming convention turns
 * dots into underscores, adds {@code _total} to counters and the base unit to timers):
 * <ul>
 *   <li>{@code radstream_stage_records_in_total{stage}}: inputs taken (records, files, studies, rows);</li>
 *   <li>{@code radstream_stage_records_out_total{stage}}: events emitted; their rate is the stage's cases/s;</li>
 *   <li>{@code radstream_stage_processing_seconds{stage}}: histogram ({@code _bucket}, {@code _count}, {@code _sum})
 *       of the work per input;</li>
 *   <li>{@code radstream_dlq_records_total{stage,reason}}: dead letters written, from the process's shared
 *       {@link DeadLetterCounts} (so the DLQ writer and the Kafka Streams handlers need no metrics code);</li>
 *   <li>{@code radstream_model_version{stage,model}}: the version of each model the stage currently uses
 *       (inference), set with {@link #modelVersion};</li>
 *   <li>Kafka client metrics of bound producers, consumers ({@code kafka_consumer_fetch_manager_records_lag},
 *       the consumer lag per partition, and {@code _records_lag_max}) and Streams apps, via Micrometer's
 *       {@link KafkaClientMetrics} / {@link KafkaStreamsMetrics};</li>
 *   <li>JVM memory, GC, threads, class loading, CPU and uptime.</li>
 * </ul>
 * Every meter carries the common tag {@code stage}. Thread-safe. Close to release the Kafka binders.
 */
public final class StageMetrics implements AutoCloseable {

    /** Prometheus name stem of the input counter. */
    public static final String RECORDS_IN = "radstream.stage.records.in";
    public static final String RECORDS_OUT = "radstream.stage.records.out";
    public static final String PROCESSING = "radstream.stage.processing";
    public static final String DLQ_RECORDS = "radstream.dlq.records";
    public static final String MODEL_VERSION = "radstream.model.version";

    /** Upper bounds of the processing-time histogram buckets (plus +Inf). */
    public static final List<Duration> BUCKETS = List.of(Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5));

    private final String stage;
    private final PrometheusMeterRegistry registry;
    private final DeadLetterCounts deadLetters;
    private final Counter recordsIn;
    private final Counter recordsOut;
    private final Timer processing;
    private final Set<DeadLetterCounts.Key> exportedDlqKeys = new HashSet<>();
    private final Map<String, AtomicLong> modelVersions = new ConcurrentHashMap<>();
    private final List<AutoCloseable> binders = new ArrayList<>();
    private final JvmGcMetrics gc;

    /**
     * @param stage       stage name, the {@code stage} tag of every meter
     * @param deadLetters the process's dead-letter counts (shared with its DLQ writer / Streams handler)
     */
    public StageMetrics(String stage, DeadLetterCounts deadLetters) {
        if (stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("stage must be a non-blank name");
        }
        this.stage = stage;
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("stage", stage);
        this.recordsIn = Counter.builder(RECORDS_IN).description("Inputs taken by the stage").register(registry);
        this.recordsOut = Counter.builder(RECORDS_OUT).description("Events emitted by the stage").register(registry);
        // 14 fixed buckets from 5 ms to 5 min (a CSV row takes milliseconds, a study or a feature extraction
        // seconds), instead of Micrometer's ~70 percentile-histogram buckets: fewer series per stage
        this.processing = Timer.builder(PROCESSING).description("Work per input")
                .serviceLevelObjectives(BUCKETS.toArray(Duration[]::new))
                .register(registry);
        for (MeterBinder b : List.<MeterBinder>of(new JvmMemoryMetrics(), new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics())) {
            b.bindTo(registry);
        }
        this.gc = new JvmGcMetrics();
        gc.bindTo(registry);
    }

    public String stage() {
        return stage;
    }

    /** The registry, for stage-specific meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Counts {@code n} inputs taken. */
    public void recordsIn(long n) {
        recordsIn.increment(n);
    }

    /** Counts {@code n} events emitted. */
    public void recordsOut(long n) {
        recordsOut.increment(n);
    }

    /** Records the duration of one unit of work. */
    public void recordProcessing(Duration d) {
        processing.record(d);
    }

    /** Runs {@code work}, recording its duration (also when it throws). */
    public <T> T time(Callable<T> work) throws Exception {
        Timer.Sample s = Timer.start(registry);
        try {
            return work.call();
        } finally {
            s.stop(processing);
        }
    }

    /**
     * The version of model {@code model} now in use (a gauge per model: a dashboard shows when a new version
     * took over, and an alert can compare it with the latest published).
     */
    public void modelVersion(String model, long version) {
        modelVersions.computeIfAbsent(model, m -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder(MODEL_VERSION, v, AtomicLong::get).description("Version of the model in use, by model name")
                    .tag("model", m).register(registry);
            return v;
        }).set(version);
    }

    /** Exports a producer's or consumer's client metrics (for consumers: records lag per partition). */
    public synchronized void bind(Producer<?, ?> producer) {
        bindKafka(new KafkaClientMetrics(producer, Tags.empty()));
    }

    public synchronized void bind(Consumer<?, ?> consumer) {
        bindKafka(new KafkaClientMetrics(consumer, Tags.empty()));
    }

    /** Exports a Kafka Streams app's metrics (its consumers' lag included). */
    public synchronized void bind(KafkaStreams streams) {
        bindKafka(new KafkaStreamsMetrics(streams, Tags.empty()));
    }

    private void bindKafka(MeterBinder binder) {
        binder.bindTo(registry);
        binders.add((AutoCloseable) binder);
    }

    /** The Prometheus text exposition (format 0.0.4) of every meter. */
    public String scrape() {
        exportDeadLetterCounters();
        return registry.scrape();
    }

    /** Counters appear in the DLQ counts as reasons occur; each (stage, reason) is registered once. */
    private synchronized void exportDeadLetterCounters() {
        for (DeadLetterCounts.Key k : deadLetters.snapshot().keySet()) {
            if (exportedDlqKeys.add(k)) {
                String s = k.stage();
                ReasonCode r = k.reason();
                FunctionCounter.builder(DLQ_RECORDS, deadLetters, c -> c.get(s, r))
                        .description("Dead letters written, by stage and reason code")
                        .tags("reason", r.name())
                        // the stage that wrote the dead letter, which is this process's stage in practice
                        .tag("stage", s)
                        .register(registry);
            }
        }
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable b : binders) {
            try {
                b.close();
            } catch (Exception ignored) {
                // closing a binder only unregisters listeners
            }
        }
        binders.clear();
        gc.close();
        registry.close();
    }
}
