package org.radstream.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.radstream.training.TrainingTrigger.Decision;

class TrainingTriggerTest {
    static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    final TrainingTrigger trigger = new TrainingTrigger(60, Duration.ofSeconds(10));

    Decision at(boolean caughtUp, Instant lastChange, Instant now, int cases, String fp, String published, String failed) {
        return trigger.decide(caughtUp, lastChange, now, cases, fp, published, failed);
    }

    @Test
    void trainsOnceCaughtUpQuietEnoughCasesAndNewData() {
        assertEquals(Decision.TRAIN, at(true, T0, T0.plusSeconds(10), 60, "a", null, null));
        assertEquals(Decision.TRAIN, at(true, T0, T0.plusSeconds(11), 90, "b", "a", null), "data changed since model a");
        assertEquals(Decision.TRAIN, at(true, null, T0, 60, "a", null, null), "nothing arrived since start: no quiet period to wait");
    }

    @Test
    void waitsWhileReadingTheHistory() {
        assertEquals(Decision.CATCHING_UP, at(false, T0, T0.plusSeconds(60), 90, "a", null, null));
    }

    @Test
    void waitsForTheQuietPeriodAfterTheLastLabelledCase() {
        assertEquals(Decision.QUIET_PERIOD, at(true, T0, T0.plusMillis(9_999), 90, "a", null, null));
        assertEquals(Decision.QUIET_PERIOD, trigger.precheck(true, T0, T0.plusSeconds(3)));
        assertEquals(Decision.TRAIN, trigger.precheck(true, T0, T0.plusSeconds(10)));
    }

    @Test
    void needsTheMinimumOfUsableLabelledCases() {
        assertEquals(Decision.TOO_FEW_CASES, at(true, T0, T0.plusSeconds(30), 59, "a", null, null));
        assertEquals(Decision.TRAIN, new TrainingTrigger(5, Duration.ZERO).decide(true, T0, T0, 5, "a", null, null));
    }

    @Test
    void doesNotRetrainTheDataOfTheLatestModelNorRetryAFailedRun() {
        assertEquals(Decision.UP_TO_DATE, at(true, T0, T0.plusSeconds(30), 90, "a", "a", null));
        assertEquals(Decision.FAILED_BEFORE, at(true, T0, T0.plusSeconds(30), 90, "b", "a", "b"));
        assertEquals(Decision.TRAIN, at(true, T0, T0.plusSeconds(30), 91, "c", "a", "b"), "new data after a failure tries again");
    }
}
