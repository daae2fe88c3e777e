package org.radstream.inference;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.radstream.events.CaseFeatures;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.DeadLetter;
import org.radstream.events.ModelPublished;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.DeadLetterFactory;
import org.radstream.streaming.dlq.DeadLetterSource;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;
import org.radstream.streaming.metrics.StageMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores each {@link CaseFeatures} with its clinical record (the co-partitioned clinical KTable's store) and the
 * current model (the global store of {@code radstream.models.v1}), forwarding a RiskScore or a DeadLetter.
 * A case with no model yet, or no clinical record yet, is kept in {@value InferenceTopology#WAITING_STORE} and
 * re-tried on a wall-clock punctuation, so cases that arrived before the first model are scored once one is
 * published; a case still without a clinical record after {@link InferenceSettings#clinicalWait()} goes to the
 * DLQ as MISSING_CLINICAL.
 */
final class ScoringProcessor implements Processor<String, CaseFeatures, String, SpecificRecord> {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringProcessor.class);

    private final InferenceSettings settings;
    private final DeadLetterCounts counts;
    private final StageMetrics metrics;
    private final DeadLetterFactory deadLetters = new DeadLetterFactory(InferenceTopology.STAGE, Clock.systemUTC());
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, CaseFeatures> waiting;
    private TimestampedKeyValueStore<String, ClinicalRecord> clinical;
    private TimestampedKeyValueStore<String, ModelPublished> models;
    private LoadedModel model;
    private String modelId;
    private String unusableModel;

    ScoringProcessor(InferenceSettings settings, DeadLetterCounts counts, StageMetrics metrics) {
        this.settings = settings;
        this.counts = counts;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> ctx) {
        this.context = ctx;
        this.waiting = ctx.getStateStore(InferenceTopology.WAITING_STORE);
        this.clinical = ctx.getStateStore(InferenceTopology.CLINICAL_STORE);
        this.models = ctx.getStateStore(InferenceTopology.MODELS_STORE);
        ctx.schedule(settings.waitingCheckInterval(), PunctuationType.WALL_CLOCK_TIME, now -> retryWaiting());
    }

    @Override
    public void process(Record<String, CaseFeatures> record) {
        long start = System.nanoTime();
        metrics.recordsIn(1);
        DeadLetterSource source = context.recordMetadata()
                .map(m -> DeadLetterSource.kafka(m.topic(), m.partition(), m.offset()))
                .orElseGet(() -> DeadLetterSource.uri("kafka-streams:" + InferenceTopology.STAGE));
        if (handle(record.key(), record.value(), source, record.timestamp())) {
            waiting.delete(record.key());
        } else {
            waiting.put(record.key(), record.value());
        }
        metrics.recordProcessing(java.time.Duration.ofNanos(System.nanoTime() - start));
    }

    private void retryWaiting() {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, CaseFeatures> it = waiting.all()) {
            it.forEachRemaining(kv -> ids.add(kv.key));
        }
        long now = context.currentSystemTimeMs();
        for (String id : ids) {
            CaseFeatures c = waiting.get(id);
            if (handle(id, c, DeadLetterSource.uri("kafka-streams:" + InferenceTopology.STAGE + "/" + InferenceTopology.WAITING_STORE), now)) {
                waiting.delete(id);
            }
        }
    }

    /** @return true when the case is done (scored or dead-lettered), false when it must wait */
    private boolean handle(String caseId, CaseFeatures c, DeadLetterSource source, long timestamp) {
        long now = context.currentSystemTimeMs();
        ValueAndTimestamp<ClinicalRecord> cr = clinical.get(caseId);
        if (cr == null) {
            if (now - c.getAssembledAt().toEpochMilli() > settings.clinicalWait().toMillis()) {
                deadLetter(caseId, new RejectedRecordException(ReasonCode.MISSING_CLINICAL, "no clinical record arrived within "
                        + settings.clinicalWait() + " of the case's features"), source, timestamp);
                return true;
            }
            return false;
        }
        ClinicalPredictors predictors;
        try {
            predictors = ClinicalPredictors.of(cr.value(), settings);
        } catch (RejectedRecordException e) {
            deadLetter(caseId, e, source, timestamp);
            return true;
        }
        LoadedModel m = currentModel();
        if (m == null) {
            return false;
        }
        try {
            context.forward(new Record<String, SpecificRecord>(caseId, CaseScoring.score(c, predictors, m, now), timestamp));
            metrics.recordsOut(1);
        } catch (RejectedRecordException e) {
            deadLetter(caseId, e, source, timestamp);
        }
        return true;
    }

    private LoadedModel currentModel() {
        ValueAndTimestamp<ModelPublished> v = models.get(settings.modelName());
        if (v == null) {
            return null;
        }
        ModelPublished p = v.value();
        String id = p.getVersion() + "/" + p.getArtifactSha256();
        if (model != null && id.equals(modelId)) {
            return model;
        }
        if (id.equals(unusableModel)) {
            return null;
        }
        try {
            model = LoadedModel.load(p);
            modelId = id;
            metrics.modelVersion(p.getModelName(), p.getVersion());
            LOG.info("scoring with model {} v{}", p.getModelName(), p.getVersion());
            return model;
        } catch (IllegalArgumentException e) {
            // a broken artifact must not score anything; cases wait for the next version
            unusableModel = id;
            LOG.error("model unusable, cases wait for another version: {}", e.getMessage());
            return null;
        }
    }

    private void deadLetter(String caseId, RejectedRecordException e, DeadLetterSource source, long timestamp) {
        DeadLetter dl = deadLetters.create(caseId, e.reasonCode(), e.getMessage(), e, source, null);
        counts.increment(InferenceTopology.STAGE, e.reasonCode());
        LOG.warn("dead letter: stage={} reason={} source={}", InferenceTopology.STAGE, e.reasonCode(), source);
        context.forward(new Record<String, SpecificRecord>(caseId, dl, timestamp));
    }
}
