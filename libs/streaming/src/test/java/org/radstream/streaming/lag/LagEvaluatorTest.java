package org.radstream.streaming.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Sample sequences for each status (Burrow's rules, see {@link LagEvaluator}). */
class LagEvaluatorTest {

    private static final String T = "radstream.features.case.v1";

    /** One partition: committed offsets and end offsets per sample, members constant. */
    private static List<GroupSample> window(int members, long[] committed, long[] end) {
        List<GroupSample> w = new ArrayList<>();
        for (int i = 0; i < committed.length; i++) {
            long lag = end[i] - committed[i];
            w.add(new GroupSample("g", members > 0 ? "STABLE" : "EMPTY", members, Instant.ofEpochSecond(i),
                    List.of(new PartitionLag(T, 0, committed[i], end[i], lag, lag == 0 ? 0L : 1000L))));
        }
        return w;
    }

    @Test
    void okWhenLagTouchesZeroEvenIfItGrowsAfterwards() {
        var e = LagEvaluator.evaluate(window(1, new long[] {10, 10, 12, 13}, new long[] {10, 15, 20, 30}));
        assertEquals(LagStatus.OK, e.status(), e.reason());
    }

    @Test
    void okWhenCatchingUp() {
        var e = LagEvaluator.evaluate(window(1, new long[] {0, 40, 80, 95}, new long[] {100, 110, 120, 130}));
        assertEquals(LagStatus.OK, e.status(), e.reason());
    }

    @Test
    void okWhenLagIsSteadyWhileConsuming() {
        var e = LagEvaluator.evaluate(window(1, new long[] {10, 20, 30}, new long[] {15, 25, 35}));
        assertEquals(LagStatus.OK, e.status(), e.reason());
    }

    @Test
    void warnWhenLagGrowsOverTheWindowWhileOffsetsMove() {
        var e = LagEvaluator.evaluate(window(1, new long[] {10, 12, 14, 16}, new long[] {20, 25, 30, 40}));
        assertEquals(LagStatus.WARN, e.status());
        assertEquals("lag grew from 10 to 24 over 4 samples while consuming (" + T + "-0)", e.reason());
    }

    @Test
    void notWarnWhenLagDipsInsideTheWindow() {
        var e = LagEvaluator.evaluate(window(1, new long[] {10, 18, 19, 20}, new long[] {20, 25, 30, 40}));
        assertEquals(LagStatus.OK, e.status(), "lags 10, 7, 11, 20 decreased once: " + e.reason());
    }

    @Test
    void errWhenCommittedOffsetStopsWithLag() {
        var e = LagEvaluator.evaluate(window(2, new long[] {3, 3, 3}, new long[] {10, 10, 12}));
        assertEquals(LagStatus.ERR, e.status());
        assertEquals("committed offset stuck at 3 with lag 9 over 3 samples (" + T + "-0)", e.reason());
    }

    @Test
    void stuckOffsetWithoutLagIsOk() {
        var e = LagEvaluator.evaluate(window(1, new long[] {10, 10, 10}, new long[] {10, 10, 10}));
        assertEquals(LagStatus.OK, e.status(), "an idle consumer with nothing to read is fine");
    }

    @Test
    void stoppedWhenNoMemberWhateverTheLag() {
        var e = LagEvaluator.evaluate(window(0, new long[] {3, 3, 3}, new long[] {10, 10, 12}));
        assertEquals(LagStatus.STOPPED, e.status());
        assertTrue(e.reason().startsWith("no active member"), e.reason());
        assertEquals(LagStatus.STOPPED, LagEvaluator.evaluate(window(0, new long[] {5}, new long[] {5})).status());
    }

    @Test
    void oneSampleCannotTellErrOrWarn() {
        var e = LagEvaluator.evaluate(window(1, new long[] {3}, new long[] {10}));
        assertEquals(LagStatus.OK, e.status());
    }

    @Test
    void errOnOnePartitionBeatsWarnOnAnother() {
        List<GroupSample> w = new ArrayList<>();
        long[][] p0 = {{10, 20}, {12, 25}, {14, 30}};   // growing lag: WARN
        long[][] p1 = {{5, 9}, {5, 9}, {5, 9}};         // stuck: ERR
        for (int i = 0; i < 3; i++) {
            w.add(new GroupSample("g", "STABLE", 1, Instant.ofEpochSecond(i), List.of(
                    new PartitionLag(T, 0, p0[i][0], p0[i][1], p0[i][1] - p0[i][0], 1L),
                    new PartitionLag(T, 1, p1[i][0], p1[i][1], p1[i][1] - p1[i][0], 1L))));
        }
        assertEquals(LagStatus.ERR, LagEvaluator.evaluate(w).status());
    }

    @Test
    void partitionsWithoutCommitAreNotJudged() {
        List<GroupSample> w = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            w.add(new GroupSample("g", "STABLE", 1, Instant.ofEpochSecond(i),
                    List.of(new PartitionLag(T, 0, null, 10 + i, null, null))));
        }
        assertEquals(LagStatus.OK, LagEvaluator.evaluate(w).status());
    }

    @Test
    void windowKeepsTheLastSamplesPerGroup() {
        LagWindow win = new LagWindow(2);
        for (int i = 0; i < 4; i++) {
            win.add(window(1, new long[] {i}, new long[] {10}));
        }
        var samples = win.groups().get("g");
        assertEquals(2, samples.size());
        assertEquals(2L, samples.get(0).partitions().get(0).committedOffset());
        assertEquals(3L, samples.get(1).partitions().get(0).committedOffset());
    }

    @Test
    void durationsForHumans() {
        assertEquals("850ms", LagReport.duration(850));
        assertEquals("57.0s", LagReport.duration(57_000));
        assertEquals("4m05s", LagReport.duration(245_000));
        assertEquals("2h03m", LagReport.duration(7_380_000));
        assertEquals("3d04h", LagReport.duration(3 * 86_400_000L + 4 * 3_600_000L));
    }
}
