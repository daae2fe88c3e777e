package org.radstream.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.radstream.cli.demo.PipelineObserver.CaseTrace;
import org.radstream.events.DeadLetter;

/** The demo's and the benchmark's figures: percentiles against R, per-stage latencies and throughput by hand. */
class DemoSummaryTest {

    /**
     * Nearest-rank percentiles are R's {@code quantile(type = 1)} (inverse of the empirical CDF):
     * {@code x <- c(812, 95, 1203, 44, 3051, 610, 77, 1999, 250, 430, 9120, 15, 388, 702, 1500, 63, 2400, 5, 880, 1340,
     * 4100, 990, 120); quantile(x, c(.5, .95, .99), type = 1)} gives 702, 4100, 9120 (R 4.2).
     */
    @Test
    void percentilesAreRsType1Quantiles() {
        List<Long> x = List.of(812L, 95L, 1203L, 44L, 3051L, 610L, 77L, 1999L, 250L, 430L, 9120L, 15L, 388L, 702L, 1500L,
                63L, 2400L, 5L, 880L, 1340L, 4100L, 990L, 120L);
        Map<String, Object> p = DemoSummary.percentiles(x);
        assertEquals(23, p.get("n"));
        assertEquals(702L, p.get("p50"));
        assertEquals(4100L, p.get("p95"));
        assertEquals(9120L, p.get("p99"));
        assertEquals(Map.of("n", 0), DemoSummary.percentiles(List.of()));
    }

    @Test
    void stageLatenciesAreTheGapsBetweenLeavingConsecutiveStagesAndAddUpToEndToEnd() {
        Map<String, CaseTrace> cases = new TreeMap<>();
        cases.put("a", trace(0, 1000, 1500, 1700, 5000, 5200));
        cases.put("b", trace(2000, 4000, 4100, 4200, 6000, 6100));
        CaseTrace rejected = new CaseTrace();
        rejected.received = Instant.ofEpochMilli(3000);
        rejected.deadLetters.add(dead("c", "preprocessing", "EMPTY_MASK"));
        cases.put("c", rejected);
        CaseTrace waiting = new CaseTrace();
        waiting.received = Instant.ofEpochMilli(3500);
        cases.put("d", waiting);
        DemoSummary s = DemoSummary.of(new PipelineObserver.Snapshot(cases, List.of(dead(null, "ingestion", "INVALID_FIELD")),
                Map.of(), 1), Map.of());

        assertEquals(4, s.casesIn());
        assertEquals(2, s.riskScores());
        assertEquals(2, s.dlq());
        assertEquals(Map.of("ingestion/INVALID_FIELD", 1, "preprocessing/EMPTY_MASK", 1), s.dlqByReason());
        assertEquals(List.of("d"), s.unresolved());
        assertFalse(s.complete());
        // end to end: a 5000 ms, b 4000 ms; 2 scored between the first received (0) and the last scored (6000)
        assertEquals(4000L, s.latencyMs().get("p50"));
        assertEquals(5000L, s.latencyMs().get("p95"));
        assertEquals(2 / 6.0, s.throughputCasesPerS(), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> stages = (Map<String, Map<String, Object>>) s.latencyMs().get("stages");
        assertEquals(List.of("preprocessing", "feature-extraction", "quality-gate", "inference", "reporting"),
                List.copyOf(stages.keySet()));
        assertEquals(1000L, stages.get("preprocessing").get("p50"));   // a 1000, b 2000
        assertEquals(2000L, stages.get("preprocessing").get("p95"));
        assertEquals(100L, stages.get("feature-extraction").get("p50")); // a 500, b 100
        assertEquals(1800L, stages.get("inference").get("p50"));       // a 3300, b 1800
        assertEquals(100L, stages.get("reporting").get("p50"));        // a 200, b 100
        // per stage: (cases leaving it - 1) / (last - first to leave it); ingestion: received at 0, 2000, 3000, 3500
        assertEquals(3 / 3.5, s.stageThroughput().get("ingestion"), 1e-12);
        assertEquals(1 / 3.0, s.stageThroughput().get("preprocessing"), 1e-12);
        assertEquals(1 / 1.0, s.stageThroughput().get("inference"), 1e-12);
    }

    @Test
    void aRunIsCompleteWhenEveryCaseHasAScoreOrADeadLetterAndNoneIsScoredTwice() {
        Map<String, CaseTrace> cases = new TreeMap<>();
        cases.put("a", trace(0, 1, 2, 3, 4, 5));
        CaseTrace dead = new CaseTrace();
        dead.received = Instant.ofEpochMilli(1);
        dead.deadLetters.add(dead("b", "inference", "ALB_MISSING"));
        cases.put("b", dead);
        assertTrue(DemoSummary.of(new PipelineObserver.Snapshot(cases, List.of(), Map.of(), 0), Map.of()).complete());
        cases.get("a").riskScores = 2;
        DemoSummary twice = DemoSummary.of(new PipelineObserver.Snapshot(cases, List.of(), Map.of(), 0), Map.of());
        assertEquals(1, twice.duplicateScores());
        assertFalse(twice.complete());
    }

    private static CaseTrace trace(long received, long preprocessed, long extracted, long assembled, long scored, long reported) {
        CaseTrace t = new CaseTrace();
        t.received = Instant.ofEpochMilli(received);
        t.lastPreprocessed = Instant.ofEpochMilli(preprocessed);
        t.lastExtracted = Instant.ofEpochMilli(extracted);
        t.assembled = Instant.ofEpochMilli(assembled);
        t.scored = Instant.ofEpochMilli(scored);
        t.reported = Instant.ofEpochMilli(reported);
        t.riskScores = 1;
        t.rois = 5;
        t.featureVectors = 5;
        return t;
    }

    private static DeadLetter dead(String caseId, String stage, String reason) {
        return DeadLetter.newBuilder().setCaseId(caseId).setStage(stage).setReasonCode(reason).setMessage("m")
                .setFailedAt(Instant.EPOCH).build();
    }
}
