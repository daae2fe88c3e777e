package org.radstream.qualitygate;

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
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.radstream.events.CaseFeatures;
import org.radstream.events.FeatureVector;
import org.radstream.events.StableFeatureSet;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.topics.Topics;

/**
 * The quality gate as a Kafka Streams topology (DESIGN §1 step 4, §2): reader A/B pairing, ICC per feature,
 * {@link StableFeatureSet} per sequence, and {@link CaseFeatures} per case restricted to the stable sets.
 *
 * <p><b>Where each step runs, and why it is correct with several instances.</b>
 * <ol>
 *   <li>{@code features.extracted} is keyed by caseId (6 partitions), so both readers' vectors of a case
 *       meet in the same task: pairing and case assembly run there ({@link CaseSideProcessor}, stores
 *       {@value #VECTORS_STORE} and {@value #WAITING_STORE}).</li>
 *   <li>An ICC needs <em>every</em> pair of a sequence, and the pairs of different cases live on different
 *       partitions, possibly in different instances. So completed pairs are re-keyed by sequence name and
 *       repartitioned ({@code pairs-by-sequence}); all pairs of one sequence then reach the single task that
 *       owns that key, which keeps them ({@value #PAIRS_STORE}), recomputes the ICCs and numbers the sets
 *       ({@value #VERSIONS_STORE}) ({@link IccSideProcessor}). One writer per sequence makes the versions
 *       strictly increasing; exactly_once_v2 makes store, changelog and output move together.</li>
 *   <li>The stable sets go to the compacted, single-partition {@code quality.stable-features} topic keyed by
 *       sequence. Case assembly needs the current set of <em>every</em> sequence in every case task, which
 *       co-partitioning cannot give (different key, different partition count), so every instance reads that
 *       topic whole as a global store ({@value #STABLE_SETS_STORE}, a GlobalKTable). A global store cannot
 *       trigger processing, so cases waiting for a set are re-checked on a wall-clock punctuation.</li>
 * </ol>
 * A case is emitted once per change of its reader-A vectors, with the versions of the sets applied; sets
 * published later (more pairs) apply to cases assembled later.
 */
public final class QualityGateTopology {
    public static final String STAGE = "quality-gate";
    static final String VECTORS_STORE = "gate-vectors";
    static final String WAITING_STORE = "gate-waiting-cases";
    static final String PAIRS_STORE = "gate-reader-pairs";
    static final String VERSIONS_STORE = "gate-set-versions";
    static final String STABLE_SETS_STORE = "gate-stable-sets";

    private QualityGateTopology() {
    }

    public static Topology buildTopology(QualityGateSettings settings, EventSerdes serdes) {
        return buildTopology(settings, serdes, new StageMetrics(STAGE, new DeadLetterCounts()));
    }

    /** @param metrics vectors in, case records out, processing time per vector */
    public static Topology buildTopology(QualityGateSettings settings, EventSerdes serdes, StageMetrics metrics) {
        Serde<String> keys = Serdes.String();
        Serde<FeatureVector> vectorsIn = serdes.forTopic(Topics.FEATURES_EXTRACTED);
        Serde<FeatureVector> vectorsInternal = serdes.internal(FeatureVector.class);
        Serde<StableFeatureSet> sets = serdes.forTopic(Topics.QUALITY_STABLE_FEATURES);
        Serde<CaseFeatures> cases = serdes.forTopic(Topics.FEATURES_CASE);

        StreamsBuilder b = new StreamsBuilder();
        b.globalTable(Topics.QUALITY_STABLE_FEATURES.name(), Consumed.with(keys, sets),
                Materialized.<String, StableFeatureSet, KeyValueStore<Bytes, byte[]>>as(STABLE_SETS_STORE)
                        .withKeySerde(keys).withValueSerde(sets));
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VECTORS_STORE), keys, vectorsInternal));
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WAITING_STORE), keys, Serdes.Long()));
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PAIRS_STORE), keys, vectorsInternal));
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VERSIONS_STORE), keys, Serdes.Long()));

        KStream<String, SpecificRecord> caseSide = b.stream(Topics.FEATURES_EXTRACTED.name(), Consumed.with(keys, vectorsIn))
                .process(() -> new CaseSideProcessor(settings.releaseCheckInterval(), metrics), Named.as("pair-and-assemble"),
                        VECTORS_STORE, WAITING_STORE);
        Map<String, KStream<String, SpecificRecord>> out = caseSide.split(Named.as("gate-"))
                .branch((k, v) -> v instanceof CaseFeatures, Branched.as("cases"))
                .defaultBranch(Branched.as("pairs"));
        out.get("gate-cases").mapValues(v -> (CaseFeatures) v)
                .to(Topics.FEATURES_CASE.name(), Produced.with(keys, cases));
        out.get("gate-pairs").mapValues(v -> (FeatureVector) v)
                .repartition(Repartitioned.with(keys, vectorsInternal).withName("pairs-by-sequence"))
                .process(() -> new IccSideProcessor(settings), Named.as("icc-per-sequence"), PAIRS_STORE, VERSIONS_STORE)
                .to(Topics.QUALITY_STABLE_FEATURES.name(), Produced.with(keys, sets));
        return b.build();
    }
}
