package org.radstream.reporting;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.radstream.events.ModelPublished;
import org.radstream.events.ReportReady;
import org.radstream.events.RiskScore;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.runtime.RecordHandler;
import org.radstream.streaming.stage.StageOutput;
import org.radstream.streaming.topics.Topics;

/**
 * The reporting stage's work for one record of either input: a RiskScore becomes a case report, a ModelPublished a
 * model report; the file is written, then its ReportReady is sent and acknowledged, and only then does the handler
 * return (and the consumer loop commit the input). A RiskScore whose model version is not in the
 * {@link ModelCatalogue} waits up to {@code modelWait} for it (the models topic may be a little behind), then goes
 * to the DLQ as MODEL_VERSION_UNKNOWN (or MODEL_MISSING when no version of that name was ever seen). All scores of
 * one missing version share that wait (from when the first of them arrived), so a run of them does not stall the
 * partition once each; a version published later is used by the scores that come after it.
 */
final class ReportingHandler implements RecordHandler<String, SpecificRecord> {
    private final ModelCatalogue catalogue;
    private final ReportWriter writer;
    private final StageOutput output;
    private final StageMetrics metrics;
    private final Duration modelWait;
    private final Duration catalogueWait;
    private final Clock clock;
    private final java.util.Map<String, Long> deadlines = new java.util.HashMap<>();

    ReportingHandler(ModelCatalogue catalogue, ReportWriter writer, StageOutput output, StageMetrics metrics,
            ReportingSettings settings, Clock clock) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.output = Objects.requireNonNull(output, "output");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.modelWait = settings.modelWait();
        this.catalogueWait = settings.catalogueWait();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void handle(ConsumerRecord<String, SpecificRecord> record) throws Exception {
        if (record.value() == null) {
            return; // a tombstone on the compacted models topic: nothing to report
        }
        long start = System.nanoTime();
        metrics.recordsIn(1);
        ReportReady ready;
        if (record.value() instanceof RiskScore s) {
            ready = writer.writeCase(s, model(s), clock.instant());
        } else if (record.value() instanceof ModelPublished m) {
            PublishedModel pm = PublishedModel.load(m);
            catalogue.put(pm);
            ready = writer.writeModel(pm, clock.instant());
        } else {
            throw new RejectedRecordException(ReasonCode.PROCESSING_ERROR, "reporting reads RiskScore and ModelPublished, not "
                    + record.value().getClass().getSimpleName() + " (on " + record.topic() + ")");
        }
        output.sendAll(List.of(new StageOutput.Event(Topics.REPORTS, ready.getCaseId(), ready)));
        metrics.recordsOut(1);
        metrics.recordProcessing(Duration.ofNanos(System.nanoTime() - start));
    }

    private PublishedModel model(RiskScore s) throws InterruptedException {
        PublishedModel m = catalogue.get(s.getModelName(), s.getModelVersion());
        if (m != null) {
            return m;
        }
        // after a start the catalogue may still be reading the models topic: an unknown version only counts once
        // it has read up to the topic's end (or could not within the wait)
        catalogue.awaitCaughtUp(catalogueWait);
        String id = s.getModelName() + " v" + s.getModelVersion();
        // every score of a missing version shares one deadline (first seen + modelWait): a run of such scores stalls
        // the partition once, not modelWait each (once the version is published, get() above finds it)
        long deadline = deadlines.computeIfAbsent(id, k -> System.nanoTime() + modelWait.toNanos());
        m = catalogue.await(s.getModelName(), s.getModelVersion(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        if (m == null) {
            boolean known = catalogue.knows(s.getModelName());
            throw new RejectedRecordException(known ? ReasonCode.MODEL_VERSION_UNKNOWN : ReasonCode.MODEL_MISSING,
                    "model " + s.getModelName() + " v" + s.getModelVersion() + " was not published within " + modelWait
                            + " (models seen: " + catalogue.describe() + ")");
        }
        return m;
    }
}
