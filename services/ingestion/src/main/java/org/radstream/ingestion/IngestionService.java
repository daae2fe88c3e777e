package org.radstream.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.Admin;
import org.radstream.imaging.sequence.SequenceIdentifier;
import org.radstream.imaging.sequence.SequenceRules;
import org.radstream.streaming.blob.FileSystemBlobStore;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.runtime.Health;
import org.radstream.streaming.runtime.ManagedService;
import org.radstream.streaming.serde.SchemaRegistration;
import org.radstream.streaming.stage.StageSettings;
import org.radstream.streaming.topics.TopicAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestion stage as a {@link ManagedService}: wiring only. On start it makes sure its topics exist, opens
 * the Kafka sink, and starts what the settings ask for: the C-STORE SCP, the REST endpoint, and a folder import
 * (once, in the background) or a folder watch. Ready when every started input is up (and a one-shot import has
 * finished); stops them in reverse order.
 */
public final class IngestionService implements ManagedService {
    private static final Logger LOG = LoggerFactory.getLogger(IngestionService.class);

    private final RadstreamConfig config;
    private final StageSettings stage;
    private final IngestionSettings settings;
    private final StageMetrics metrics;
    private final DeadLetterCounts counts;
    private final Clock clock;
    private final CompletableFuture<Void> termination = new CompletableFuture<>();

    private volatile KafkaIngestionSink sink;
    private volatile Ingestion ingestion;
    private volatile DicomReceiver receiver;
    private volatile RecordsEndpoint records;
    private volatile FolderWatcher watcher;
    private volatile Thread oneShot;
    private volatile boolean oneShotDone;
    private volatile Ingestion.Summary oneShotSummary;

    /**
     * @param stage    the common stage settings (blob store, schema registration)
     * @param settings the stage's own settings
     */
    public IngestionService(RadstreamConfig config, StageSettings stage, IngestionSettings settings, StageMetrics metrics,
            DeadLetterCounts counts, Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.stage = Objects.requireNonNull(stage);
        this.settings = Objects.requireNonNull(settings);
        this.metrics = Objects.requireNonNull(metrics);
        this.counts = Objects.requireNonNull(counts);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String name() {
        return Ingestion.STAGE;
    }

    @Override
    public synchronized void start() {
        sink = openSink(config, stage, counts);
        metrics.bind(sink.producer());
        try {
            ingestion = wire(stage, settings, sink, metrics, clock);
            if (settings.scpPort() >= 0) {
                receiver = new DicomReceiver(settings.scpPort(), settings.scpAeTitle(), settings.spoolDir(),
                        settings.quietPeriod(), ingestion, clock);
            }
        } catch (IOException e) {
            sink.close();
            throw new UncheckedIOException("ingestion cannot start: " + e.getMessage(), e);
        }
        if (settings.httpPort() >= 0) {
            records = new RecordsEndpoint(settings.httpHost(), settings.httpPort(), ingestion);
        }
        if (settings.folder() != null && settings.watch()) {
            watcher = new FolderWatcher(settings.folder(), settings.pollInterval(), settings.quietPeriod(), ingestion, clock);
            oneShotDone = true;
        } else if (settings.folder() != null) {
            oneShot = new Thread(this::importOnce, "folder-import");
            oneShot.start();
        } else {
            oneShotDone = true;
        }
    }

    /** Makes sure the topics ingestion writes exist, and opens the Kafka sink. */
    static KafkaIngestionSink openSink(RadstreamConfig config, StageSettings stage, DeadLetterCounts counts) {
        try (Admin admin = Admin.create(config.toKafkaProperties())) {
            new TopicAdmin(admin, 30_000).ensure(KafkaIngestionSink.topics(), (short) -1);
        }
        return KafkaIngestionSink.create(config, "ingestion", stage.registerSchemas()
                ? SchemaRegistration.AUTO_REGISTER : SchemaRegistration.LOOKUP_ONLY, counts);
    }

    /** The library objects ingestion runs on, from the settings. */
    static Ingestion wire(StageSettings stage, IngestionSettings settings, IngestionSink sink, StageMetrics metrics,
            Clock clock) throws IOException {
        Pseudonymiser pseudonymiser = new Pseudonymiser(settings.pseudonymKey());
        StudyImporter importer = new StudyImporter(pseudonymiser, new SequenceIdentifier(SequenceRules.DEFAULT),
                new FileSystemBlobStore(stage.blobDir()), clock);
        return new Ingestion(importer, new ClinicalRecords(pseudonymiser, settings.clinicalRules(), clock), sink, metrics);
    }

    /**
     * Imports the {@code --folder} once, without SCP, REST or health endpoint (the CLI's {@code radstream
     * ingest}; studies carry source {@code cli}); returns when everything is delivered.
     *
     * @param stage the stage's settings ({@link IngestionMain#FLAGS}), validated here
     */
    public static Ingestion.Summary importFolder(RadstreamConfig config, StageSettings stage) throws IOException {
        IngestionSettings settings = IngestionSettings.from(stage);
        if (settings.folder() == null) {
            throw new IllegalArgumentException("no folder to import");
        }
        DeadLetterCounts counts = new DeadLetterCounts();
        try (StageMetrics metrics = new StageMetrics(Ingestion.STAGE, counts);
                KafkaIngestionSink sink = openSink(config, stage, counts)) {
            return wire(stage, settings, sink, metrics, Clock.systemUTC()).folder(settings.folder(), "cli");
        }
    }

    private void importOnce() {
        try {
            oneShotSummary = ingestion.folder(settings.folder());
            LOG.info("folder import finished: {}", oneShotSummary);
            oneShotDone = true;
        } catch (IOException | RuntimeException e) {
            LOG.error("folder import failed: {}", e.toString());
            termination.completeExceptionally(e);
        }
    }

    /** The result of the one-shot folder import, or null while it runs (or when there is none). */
    public Ingestion.Summary folderSummary() {
        return oneShotSummary;
    }

    /** Port of the REST endpoint, or -1. */
    public int recordsPort() {
        RecordsEndpoint r = records;
        return r == null ? -1 : r.port();
    }

    @Override
    public Health health() {
        Ingestion i = ingestion;
        if (i == null) {
            return new Health(!termination.isCompletedExceptionally(), false, "CREATED", Map.of());
        }
        boolean failed = termination.isCompletedExceptionally();
        boolean scpUp = receiver == null || receiver.ready();
        boolean ready = !termination.isDone() && scpUp && oneShotDone;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("emitted", i.emitted());
        d.put("deadLettered", i.deadLettered());
        if (receiver != null) {
            d.put("instancesReceived", receiver.instancesReceived());
            d.put("studiesPending", receiver.studiesPending());
        }
        String state = failed ? "FAILED" : termination.isDone() ? "STOPPED" : !oneShotDone ? "IMPORTING" : ready ? "RUNNING" : "STARTING";
        return new Health(!failed, ready, state, d);
    }

    @Override
    public synchronized void stop(Duration timeout) {
        if (watcher != null) {
            watcher.close();
        }
        Thread t = oneShot;
        if (t != null) {
            try {
                t.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (records != null) {
            records.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (sink != null) {
            sink.close();
        }
        termination.complete(null);
    }

    @Override
    public CompletableFuture<Void> termination() {
        return termination;
    }
}
