package org.radstream.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.ReportReady;
import org.radstream.streaming.blob.FileSystemBlobStore;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.stage.StageOutput;
import org.radstream.streaming.topics.Topics;

/** The handler with a mock producer: reports, ReportReady after the file, waiting for and refusing unknown models. */
class ReportingHandlerTest {
    @TempDir
    Path dir;
    final TrainedModel tm = TrainedModel.get();
    MockProducer<String, SpecificRecord> producer;
    StageMetrics metrics;
    ModelCatalogue catalogue;
    ReportingHandler handler;

    @BeforeEach
    void setUp() throws Exception {
        producer = new MockProducer<>(true, null, new StringSerializer(), (topic, v) -> new byte[0]);
        metrics = new StageMetrics("reporting", new DeadLetterCounts());
        catalogue = new ModelCatalogue();
        handler = new ReportingHandler(catalogue, new ReportWriter(new FileSystemBlobStore(dir)), new StageOutput(producer, 5000),
                metrics, new ReportingSettings(Duration.ofMillis(300), Duration.ofMillis(300)),
                Clock.fixed(Instant.parse("2026-11-27T10:00:05Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        metrics.close();
    }

    static ConsumerRecord<String, SpecificRecord> rec(String topic, String key, SpecificRecord v) {
        return new ConsumerRecord<>(topic, 0, 0, key, v);
    }

    @Test
    void aModelThenItsScoresGiveOneReportReadyEachAfterTheFile() throws Exception {
        handler.handle(rec(Topics.MODELS.name(), "nomogram", tm.model(1, null)));
        assertTrue(Files.isRegularFile(dir.resolve("reports/models/nomogram/v1/index.html")));
        for (String id : tm.caseIds(3)) {
            handler.handle(rec(Topics.RISK_SCORES.name(), id, tm.score(id, 1)));
            assertTrue(Files.isRegularFile(dir.resolve("reports/cases/" + id + "/nomogram-v1.html")));
        }
        assertEquals(4, producer.history().size());
        producer.history().forEach(r -> assertEquals(Topics.REPORTS.name(), r.topic()));
        assertEquals("nomogram", producer.history().get(0).key());
        assertEquals(tm.caseIds(3), producer.history().subList(1, 4).stream().map(r -> r.key()).toList());
        ReportReady last = (ReportReady) producer.history().get(3).value();
        assertEquals(tm.caseIds(3).get(2), last.getCaseId());
        assertTrue(metrics.scrape().lines().anyMatch(l -> l.startsWith("radstream_stage_records_out_total") && l.endsWith(" 4.0")),
                metrics.scrape());
    }

    @Test
    void aScoreWaitsForItsVersionAndIsRefusedWhenItDoesNotCome() throws Exception {
        catalogue.put(PublishedModel.load(tm.model(1, null)));
        String id = tm.caseIds(1).get(0);
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> handler.handle(rec(Topics.RISK_SCORES.name(), id, tm.score(id, 2))));
        assertEquals(ReasonCode.MODEL_VERSION_UNKNOWN, e.reasonCode());
        assertTrue(e.getMessage().contains("nomogram v2") && e.getMessage().contains("[1]"), e.getMessage());
        RejectedRecordException none = assertThrows(RejectedRecordException.class, () -> handler.handle(rec(Topics.RISK_SCORES.name(), id,
                org.radstream.events.RiskScore.newBuilder(tm.score(id, 1)).setModelName("other").build())));
        assertEquals(ReasonCode.MODEL_MISSING, none.reasonCode());
        assertEquals(0, producer.history().size(), "no ReportReady for a refused score");
        // the next score of the same missing version does not wait again
        long t0 = System.nanoTime();
        assertEquals(ReasonCode.MODEL_VERSION_UNKNOWN, assertThrows(RejectedRecordException.class,
                () -> handler.handle(rec(Topics.RISK_SCORES.name(), id, tm.score(id, 2)))).reasonCode());
        assertTrue(System.nanoTime() - t0 < Duration.ofMillis(250).toNanos(), "no second wait of 300 ms");
        // ... and once published, it is used
        catalogue.put(PublishedModel.load(tm.model(2, null)));
        handler.handle(rec(Topics.RISK_SCORES.name(), id, tm.score(id, 2)));
        assertEquals(1, producer.history().size());

        // a version published while the score waits is used
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(100);
                catalogue.put(PublishedModel.load(tm.model(3, null)));
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
        });
        late.start();
        handler.handle(rec(Topics.RISK_SCORES.name(), id, tm.score(id, 3)));
        late.join();
        assertEquals(2, producer.history().size());
        assertEquals(3, ((ReportReady) producer.history().get(1).value()).getModelVersion());
    }

    @Test
    void aFailedSendLeavesTheRecordUnfinished() throws Exception {
        MockProducer<String, SpecificRecord> failing = new MockProducer<>(false, null, new StringSerializer(), (t, v) -> new byte[0]);
        ReportingHandler h = new ReportingHandler(catalogue, new ReportWriter(new FileSystemBlobStore(dir)), new StageOutput(failing, 200),
                metrics, ReportingSettings.DEFAULT, Clock.systemUTC());
        catalogue.put(PublishedModel.load(tm.model(1, null)));
        String id = tm.caseIds(1).get(0);
        // never acknowledged: the handler must throw, so the consumer loop does not commit the RiskScore
        assertThrows(IllegalStateException.class, () -> h.handle(rec(Topics.RISK_SCORES.name(), id, tm.score(id, 1))));
    }
}
