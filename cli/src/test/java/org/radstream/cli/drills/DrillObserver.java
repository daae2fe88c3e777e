package org.radstream.cli.drills;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
 * An outside read_committed subscriber that counts, per case, what the pipeline committed: studies received, ROIs,
 * feature vectors, risk scores and dead letters (a duplicate risk score shows as a count above 1). It talks to the
 * registry directly (not through the drills' proxy), and survives a broker restart like any Kafka client.
 */
final class DrillObserver implements AutoCloseable {

    /** What was committed for one case, in arrival order of the observer. */
    static final class Case {
        Instant received;
        int rois;
        int vectors;
        int caseFeatures;
        int riskScores;
        Instant firstScoreSeen;
        final List<DeadLetter> deadLetters = new ArrayList<>();

        Case copy() {
            Case c = new Case();
            c.received = received;
            c.rois = rois;
            c.vectors = vectors;
            c.caseFeatures = caseFeatures;
            c.riskScores = riskScores;
            c.firstScoreSeen = firstScoreSeen;
            c.deadLetters.addAll(deadLetters);
            return c;
        }
    }

    private static final List<TopicSpec> WATCHED = List.of(Topics.STUDIES_RECEIVED, Topics.ROIS_PREPROCESSED,
            Topics.FEATURES_EXTRACTED, Topics.FEATURES_CASE, Topics.MODELS, Topics.RISK_SCORES, Topics.DLQ);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, ConfluentAvroDeserializer<? extends SpecificRecord>> deserializers = new HashMap<>();
    private final Map<String, Case> cases = new LinkedHashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final Map<String, ModelPublished> models = new LinkedHashMap<>();
    private final List<String> undecodable = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile RuntimeException failure;

    DrillObserver(RadstreamConfig config) {
        Properties p = ClientProperties.consumer(config, "drill-observer-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistrySettings.fromConfluentConfig(config.registryClientConfig()));
        for (TopicSpec t : WATCHED) {
            deserializers.put(t.name(), new ConfluentAvroDeserializer<>(registry, t.valueType(), RecordPart.VALUE));
        }
        consumer.subscribe(WATCHED.stream().map(TopicSpec::name).toList());
        thread = new Thread(this::loop, "drill-observer");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        continue;
                    }
                    SpecificRecord v;
                    try {
                        v = deserializers.get(r.topic()).deserialize(r.topic(), r.value());
                    } catch (RuntimeException poison) {
                        // the poison drill's own records: counted, not followed
                        synchronized (this) {
                            undecodable.add(r.topic() + "@" + r.partition() + ":" + r.offset());
                        }
                        continue;
                    }
                    synchronized (this) {
                        accept(v);
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

    private Case trace(String caseId) {
        return cases.computeIfAbsent(caseId, k -> new Case());
    }

    private void accept(SpecificRecord v) {
        if (v instanceof StudyReceived s) {
            trace(s.getCaseId()).received = Instant.now();
        } else if (v instanceof PreprocessedRoi r) {
            trace(r.getCaseId()).rois++;
        } else if (v instanceof FeatureVector f) {
            trace(f.getCaseId()).vectors++;
        } else if (v instanceof CaseFeatures cf) {
            trace(cf.getCaseId()).caseFeatures++;
        } else if (v instanceof RiskScore s) {
            Case c = trace(s.getCaseId());
            c.riskScores++;
            if (c.firstScoreSeen == null) {
                c.firstScoreSeen = Instant.now();
            }
        } else if (v instanceof DeadLetter d) {
            deadLetters.add(d);
            if (d.getCaseId() != null) {
                trace(d.getCaseId()).deadLetters.add(d);
            }
        } else if (v instanceof ModelPublished m) {
            models.put(m.getModelName() + " v" + m.getVersion(), m);
        }
    }

    private void check() {
        if (failure != null) {
            throw new IllegalStateException("the drills' observer failed: " + failure.getMessage(), failure);
        }
    }

    /** Copies of the cases seen so far, by caseId. */
    synchronized Map<String, Case> cases() {
        check();
        Map<String, Case> m = new LinkedHashMap<>();
        cases.forEach((k, c) -> m.put(k, c.copy()));
        return m;
    }

    /** Cases whose study was received, in arrival order. */
    synchronized List<String> received() {
        check();
        return cases.entrySet().stream().filter(e -> e.getValue().received != null).map(Map.Entry::getKey).toList();
    }

    synchronized List<DeadLetter> deadLetters() {
        check();
        return List.copyOf(deadLetters);
    }

    synchronized Map<String, ModelPublished> models() {
        check();
        return new LinkedHashMap<>(models);
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
