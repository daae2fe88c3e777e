package org.radstream.qualitygate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.radstream.events.CaseFeatures;
import org.radstream.events.FeatureVector;
import org.radstream.events.Reader;
import org.radstream.events.Sequence;
import org.radstream.events.StableFeatureSet;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;
import org.radstream.streaming.metrics.StageMetrics;

/**
 * The caseId-partitioned half of the gate. Keeps every FeatureVector of its cases; when a (case, sequence)
 * has both readers it forwards the pair (A then B, keyed by sequence name) towards the ICC half; when a case
 * has all five reader-A vectors and every sequence a stable set it forwards the gated {@link CaseFeatures}
 * (keyed by caseId). Cases still waiting are re-checked on a wall-clock punctuation, because stable sets
 * arrive through a global store, which cannot trigger processing itself.
 */
final class CaseSideProcessor implements Processor<String, FeatureVector, String, SpecificRecord> {
    private final Duration releaseCheckInterval;
    private final StageMetrics metrics;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, FeatureVector> vectors;
    private KeyValueStore<String, Long> waiting;
    private TimestampedKeyValueStore<String, StableFeatureSet> stableSets;

    CaseSideProcessor(Duration releaseCheckInterval, StageMetrics metrics) {
        this.releaseCheckInterval = releaseCheckInterval;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> ctx) {
        this.context = ctx;
        this.vectors = ctx.getStateStore(QualityGateTopology.VECTORS_STORE);
        this.waiting = ctx.getStateStore(QualityGateTopology.WAITING_STORE);
        this.stableSets = ctx.getStateStore(QualityGateTopology.STABLE_SETS_STORE);
        ctx.schedule(releaseCheckInterval, PunctuationType.WALL_CLOCK_TIME, now -> releaseWaiting());
    }

    @Override
    public void process(Record<String, FeatureVector> record) {
        long start = System.nanoTime();
        metrics.recordsIn(1);
        FeatureVector v = record.value();
        String caseId = record.key();
        if (v.getFeatures().getNames().size() != v.getFeatures().getValues().size()) {
            // the DeadLetterExceptionHandler sends it to the DLQ with this reason and the input's coordinates
            throw new RejectedRecordException(ReasonCode.INVALID_FIELD, "FeatureVector features.names has "
                    + v.getFeatures().getNames().size() + " entries but features.values has " + v.getFeatures().getValues().size());
        }
        Sequence seq = v.getFeatures().getSequence();
        FeatureVector previous = vectors.get(vectorKey(caseId, seq, v.getReader()));
        if (previous != null && sameContent(previous, v)) {
            // feature extraction is at-least-once: after a crash it re-extracts ROIs whose vectors it had already
            // sent. The same vector again changes nothing, and releasing the case again would score it twice.
            metrics.recordProcessing(Duration.ofNanos(System.nanoTime() - start));
            return;
        }
        vectors.put(vectorKey(caseId, seq, v.getReader()), v);
        FeatureVector other = vectors.get(vectorKey(caseId, seq, v.getReader() == Reader.A ? Reader.B : Reader.A));
        if (other != null) {
            FeatureVector a = v.getReader() == Reader.A ? v : other;
            FeatureVector b = v.getReader() == Reader.A ? other : v;
            // A first, then B: the ICC half recomputes when B arrives
            context.forward(record.withKey(seq.name()).withValue(a));
            context.forward(record.withKey(seq.name()).withValue(b));
        }
        if (v.getReader() == Reader.A) {
            waiting.put(caseId, context.currentSystemTimeMs());
            tryRelease(caseId, record.timestamp());
        }
        metrics.recordProcessing(Duration.ofNanos(System.nanoTime() - start));
    }

    private void releaseWaiting() {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = waiting.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> e = it.next();
                ids.add(e.key);
            }
        }
        long now = context.currentSystemTimeMs();
        for (String id : ids) {
            tryRelease(id, now);
        }
    }

    private void tryRelease(String caseId, long timestamp) {
        Map<Sequence, FeatureVector> a = new EnumMap<>(Sequence.class);
        Map<Sequence, StableFeatureSet> sets = new EnumMap<>(Sequence.class);
        for (Sequence s : Sequence.values()) {
            FeatureVector v = vectors.get(vectorKey(caseId, s, Reader.A));
            if (v == null) {
                return;
            }
            a.put(s, v);
            ValueAndTimestamp<StableFeatureSet> set = stableSets.get(s.name());
            if (set != null) {
                sets.put(s, set.value());
            }
        }
        Optional<CaseFeatures> cf = CaseAssembler.assemble(caseId, a, sets, context.currentSystemTimeMs());
        if (cf.isPresent()) {
            waiting.delete(caseId);
            context.forward(new Record<String, SpecificRecord>(caseId, cf.get(), timestamp));
            metrics.recordsOut(1);
        }
    }

    /** Same features from the same image and mask by the same extractor (the extraction time may differ). */
    static boolean sameContent(FeatureVector a, FeatureVector b) {
        return a.getFeatures().equals(b.getFeatures()) && a.getImageHash().equals(b.getImageHash())
                && a.getMaskHash().equals(b.getMaskHash()) && a.getExtractorVersion().equals(b.getExtractorVersion());
    }

    static String vectorKey(String caseId, Sequence s, Reader r) {
        return caseId + "|" + s.name() + "|" + r.name();
    }
}
