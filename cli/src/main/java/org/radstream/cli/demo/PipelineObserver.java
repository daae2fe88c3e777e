package org.radstream.cli.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.radstream.events.CaseFeatures;
import org.radstream.events.DeadLetter;
import org.radstream.events.FeatureVector;
import org.radstream.events.ModelPublished;
import org.radstream.events.PreprocessedRoi;
import org.radstream.events.ReportReady;
import org.radstream.events.ReportKind;
import org.radstream.events.RiskScore;
import org.radstream.events.StudyReceived;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.registry.RegistrySettings;
import org.radstream.streaming.registry.SchemaRegistryClient;
import org.radstream.streaming.runtime.ClientProperties;
import org.radstream.streaming.serde.ConfluentAvroDeserializer;
import org.radstream.streaming.serde.RecordPart;
import org.radstream.streaming.topics.TopicSpec;
import org.radstream.streaming.topics.Topics;

/**
 * An outside subscriber of the pipeline, as any hospital system would be: its own consumer group, read_committed,
 * the registry's schemas. It follows every case through the topics — when it was received, preprocessed,
 * extracted, assembled, scored and reported, or dead-lettered — so the demo can tell when every case has an
 * outcome and what each stage's latency was. Thread-safe snapshot via {@link #snapshot()}.
 */
final class PipelineObserver implements AutoCloseable {

    /** What the observer knows about one case; times are when the case left each stage. */
    static final class CaseTrace {
        Instant received;
        Instant lastPreprocessed;
        Instant lastExtracted;
        Instant assembled;
        Instant scored;
        Instant reported;
        int rois;
        int featureVectors;
        int riskScores;
        RiskScore lastScore;
        final List<DeadLetter> deadLetters = new ArrayList<>();

        boolean hasOutcome() {
            return riskScores > 0 || !deadLetters.isEmpty();
        }

        CaseTrace copy() {
            CaseTrace c = new CaseTrace();
            c.received = received;
            c.lastPreprocessed = lastPreprocessed;
            c.lastExtracted = lastExtracted;
            c.assembled = assembled;
            c.scored = scored;
            c.reported = reported;
            c.rois = rois;
            c.featureVectors = featureVectors;
            c.riskScores = riskScores;
            c.lastScore = lastScore;
            c.deadLetters.addAll(deadLetters);
            return c;
        }
    }

    /** A consistent copy of what was seen so far. */
    record Snapshot(Map<String, CaseTrace> cases, List<DeadLetter> deadLettersWithoutCase, Map<String, ModelPublished> models,
            int modelReports) {
    }

    private static final List<TopicSpec> WATCHED = List.of(Topics.STUDIES_RECEIVED, Topics.ROIS_PREPROCESSED,
            Topics.FEATURES_EXTRACTED, Topics.FEATURES_CASE, Topics.MODELS, Topics.RISK_SCORES, Topics.REPORTS, Topics.DLQ);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, ConfluentAvroDeserializer<? extends SpecificRecord>> deserializers = new HashMap<>();
    private final Map<String, CaseTrace> cases = new TreeMap<>();
    private final List<DeadLetter> deadLettersWithoutCase = new ArrayList<>();
    private final Map<String, ModelPublished> models = new LinkedHashMap<>();
    private int modelReports;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile RuntimeException failure;

    PipelineObserver(RadstreamConfig config) {
        Properties p = ClientProperties.consumer(config, "radstream-demo-observer");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistrySettings.fromConfluentConfig(config.registryClientConfig()));
        for (TopicSpec t : WATCHED) {
            deserializers.put(t.name(), deserializer(registry, t.valueType()));
        }
        consumer.subscribe(WATCHED.stream().map(TopicSpec::name).toList());
        thread = new Thread(this::loop, "demo-observer");
        thread.setDaemon(true);
        thread.start();
    }

    private static <T extends SpecificRecord> ConfluentAvroDeserializer<T> deserializer(SchemaRegistryClient registry,
            Class<T> type) {
        return new ConfluentAvroDeserializer<>(registry, type, RecordPart.VALUE);
    }

    private void loop() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null) {
                        SpecificRecord v = deserializers.get(r.topic()).deserialize(r.topic(), r.value());
                        synchronized (this) {
                            accept(r.key(), v);
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private CaseTrace trace(String caseId) {
        return cases.computeIfAbsent(caseId, k -> new CaseTrace());
    }

    private void accept(String key, SpecificRecord v) {
        if (v instanceof StudyReceived s) {
            trace(s.getCaseId()).received = s.getReceivedAt();
        } else if (v instanceof PreprocessedRoi r) {
            CaseTrace t = trace(r.getCaseId());
            t.rois++;
            t.lastPreprocessed = later(t.lastPreprocessed, r.getCreatedAt());
        } else if (v instanceof FeatureVector f) {
            CaseTrace t = trace(f.getCaseId());
            t.featureVectors++;
            t.lastExtracted = later(t.lastExtracted, f.getExtractedAt());
        } else if (v instanceof CaseFeatures c) {
            CaseTrace t = trace(c.getCaseId());
            t.assembled = t.assembled == null ? c.getAssembledAt() : t.assembled;
        } else if (v instanceof RiskScore s) {
            CaseTrace t = trace(s.getCaseId());
            t.riskScores++;
            t.lastScore = s;
            t.scored = t.scored == null ? s.getScoredAt() : t.scored;
        } else if (v instanceof ReportReady r) {
            if (r.getKind() == ReportKind.CASE) {
                CaseTrace t = trace(r.getCaseId());
                t.reported = t.reported == null ? r.getCreatedAt() : t.reported;
            } else {
                modelReports++;
            }
        } else if (v instanceof DeadLetter d) {
            if (d.getCaseId() == null) {
                deadLettersWithoutCase.add(d);
            } else {
                trace(d.getCaseId()).deadLetters.add(d);
            }
        } else if (v instanceof ModelPublished m) {
            models.put(m.getModelName(), m);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    synchronized Snapshot snapshot() {
        if (failure != null) {
            throw new IllegalStateException("the demo's observer failed: " + failure.getMessage(), failure);
        }
        Map<String, CaseTrace> copy = new TreeMap<>();
        cases.forEach((k, t) -> copy.put(k, t.copy()));
        return new Snapshot(copy, List.copyOf(deadLettersWithoutCase), new LinkedHashMap<>(models), modelReports);
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
