package org.radstream.inference;

import org.radstream.streaming.serde.EventSerdes;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.radstream.events.CaseFeatures;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.DeadLetter;
import org.radstream.events.ModelPublished;
import org.radstream.events.RiskScore;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.topics.Topics;

/**
 * Inference as a Kafka Streams topology (DESIGN §1 step 9, §2): {@code features.case} ⋈ {@code clinical}
 * (KTable; both keyed by caseId with the same partition count, so the join needs no repartitioning) ⋈ the
 * current model (GlobalKTable over the compacted single-partition {@code models} topic, read whole by every
 * instance) → {@code risk.scores}, with rejected cases to {@code dlq}. The join and the waiting for a model
 * or a clinical record are one processor ({@link ScoringProcessor}), because a GlobalKTable update cannot
 * trigger the scoring of cases that arrived before it; the scoring itself is {@link CaseScoring}.
 *
 * <p>Each CaseFeatures record is scored once, with the model current at that moment: a later model version
 * or a corrected clinical record does not re-score past cases (replay {@code features.case} with a new
 * application id for that). Clinical records are checked here again (ALB present and within the plausible
 * range, tumour number present) because the nomogram cannot score without them; rejected cases go to the
 * DLQ with ALB_MISSING, ALB_OUT_OF_RANGE or INVALID_FIELD, a case without any clinical record after
 * {@link InferenceSettings#clinicalWait()} with MISSING_CLINICAL, and the other cases flow on.
 */
public final class InferenceTopology {
    public static final String STAGE = "inference";
    static final String CLINICAL_STORE = "inference-clinical";
    static final String MODELS_STORE = "inference-models";
    static final String WAITING_STORE = "inference-waiting-cases";

    private InferenceTopology() {
    }

    public static Topology buildTopology(InferenceSettings settings, EventSerdes serdes) {
        DeadLetterCounts counts = new DeadLetterCounts();
        return buildTopology(settings, serdes, counts, new StageMetrics(STAGE, counts));
    }

    /**
     * @param counts  dead letters by reason, shared with the stage's metrics
     * @param metrics cases in, risk scores out, processing time per case
     */
    public static Topology buildTopology(InferenceSettings settings, EventSerdes serdes, DeadLetterCounts counts,
            StageMetrics metrics) {
        Serde<String> keys = Serdes.String();
        Serde<CaseFeatures> cases = serdes.forTopic(Topics.FEATURES_CASE);
        Serde<ClinicalRecord> clinical = serdes.forTopic(Topics.CLINICAL);
        Serde<ModelPublished> models = serdes.forTopic(Topics.MODELS);

        StreamsBuilder b = new StreamsBuilder();
        b.globalTable(Topics.MODELS.name(), Consumed.with(keys, models),
                Materialized.<String, ModelPublished, KeyValueStore<Bytes, byte[]>>as(MODELS_STORE)
                        .withKeySerde(keys).withValueSerde(models));
        b.table(Topics.CLINICAL.name(), Consumed.with(keys, clinical),
                Materialized.<String, ClinicalRecord, KeyValueStore<Bytes, byte[]>>as(CLINICAL_STORE)
                        .withKeySerde(keys).withValueSerde(clinical));
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WAITING_STORE), keys,
                serdes.internal(CaseFeatures.class)));

        KStream<String, SpecificRecord> out = b.stream(Topics.FEATURES_CASE.name(), Consumed.with(keys, cases))
                .process(() -> new ScoringProcessor(settings, counts, metrics), Named.as("score"), WAITING_STORE, CLINICAL_STORE);
        Map<String, KStream<String, SpecificRecord>> branches = out.split(Named.as("inference-"))
                .branch((k, v) -> v instanceof RiskScore, Branched.as("scores"))
                .defaultBranch(Branched.as("dlq"));
        branches.get("inference-scores").mapValues(v -> (RiskScore) v)
                .to(Topics.RISK_SCORES.name(), Produced.with(keys, serdes.<RiskScore>forTopic(Topics.RISK_SCORES)));
        branches.get("inference-dlq").mapValues(v -> (DeadLetter) v)
                .to(Topics.DLQ.name(), Produced.with(keys, serdes.<DeadLetter>forTopic(Topics.DLQ)));
        return b.build();
    }
}
