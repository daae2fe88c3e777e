package org.radstream.qualitygate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.radstream.events.FeatureVector;
import org.radstream.events.Reader;
import org.radstream.events.Sequence;
import org.radstream.events.StableFeatureSet;

/**
 * The sequence-partitioned half of the gate: every reader pair of a sequence reaches the one task owning
 * that sequence's key, which keeps them all and, each time a pair is completed by its reader-B vector,
 * recomputes the ICC of every feature over all pairs ({@link StableSetCalculator}) and forwards the new
 * {@link StableFeatureSet} with the next version, once at least {@code minPairs} pairs exist.
 */
final class IccSideProcessor implements Processor<String, FeatureVector, String, StableFeatureSet> {
    private final QualityGateSettings settings;
    private final StableSetCalculator calculator;
    private ProcessorContext<String, StableFeatureSet> context;
    private KeyValueStore<String, FeatureVector> pairs;
    private KeyValueStore<String, Long> versions;

    IccSideProcessor(QualityGateSettings settings) {
        this.settings = settings;
        this.calculator = new StableSetCalculator(settings.gate());
    }

    @Override
    public void init(ProcessorContext<String, StableFeatureSet> ctx) {
        this.context = ctx;
        this.pairs = ctx.getStateStore(QualityGateTopology.PAIRS_STORE);
        this.versions = ctx.getStateStore(QualityGateTopology.VERSIONS_STORE);
    }

    @Override
    public void process(Record<String, FeatureVector> record) {
        FeatureVector v = record.value();
        String seq = v.getFeatures().getSequence().name();
        pairs.put(seq + "|" + v.getCaseId() + "|" + v.getReader().name(), v);
        if (v.getReader() != Reader.B) {
            return;
        }
        List<StableSetCalculator.ReaderPair> all = pairsOf(seq);
        long matching = all.stream()
                .filter(p -> p.readerA().getFeatures().getSettingsHash().equals(v.getFeatures().getSettingsHash())
                        && p.readerB().getFeatures().getSettingsHash().equals(v.getFeatures().getSettingsHash()))
                .count();
        if (matching < settings.minPairs()) {
            return;
        }
        Long previous = versions.get(seq);
        long version = previous == null ? 1 : previous + 1;
        StableFeatureSet set = calculator.compute(Sequence.valueOf(seq), all, v.getFeatures().getSettingsHash(),
                version, context.currentSystemTimeMs());
        versions.put(seq, version);
        context.forward(record.withKey(seq).withValue(set));
    }

    private List<StableSetCalculator.ReaderPair> pairsOf(String seq) {
        Map<String, FeatureVector[]> byCase = new LinkedHashMap<>();
        try (KeyValueIterator<String, FeatureVector> it = pairs.prefixScan(seq + "|", new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, FeatureVector> e = it.next();
                FeatureVector[] ab = byCase.computeIfAbsent(e.value.getCaseId(), k -> new FeatureVector[2]);
                ab[e.value.getReader() == Reader.A ? 0 : 1] = e.value;
            }
        }
        List<StableSetCalculator.ReaderPair> out = new ArrayList<>();
        for (FeatureVector[] ab : byCase.values()) {
            if (ab[0] != null && ab[1] != null) {
                out.add(new StableSetCalculator.ReaderPair(ab[0], ab[1]));
            }
        }
        return out;
    }
}
