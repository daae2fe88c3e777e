package org.radstream.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;

class ClinicalPredictorsTest {
    static final InferenceSettings S = InferenceSettings.DEFAULT;

    static ReasonCode reason(Double alb, Integer tumors) {
        return assertThrows(RejectedRecordException.class,
                () -> ClinicalPredictors.of(InferenceTopologyTest.clinical("c", alb, tumors), S)).reasonCode();
    }

    @Test
    void rangeIsInclusiveAndTumourNumberIsCodedSingleVersusMultiple() {
        assertEquals(new ClinicalPredictors(10, 0), ClinicalPredictors.of(InferenceTopologyTest.clinical("c", 10.0, 1), S));
        assertEquals(new ClinicalPredictors(70, 1), ClinicalPredictors.of(InferenceTopologyTest.clinical("c", 70.0, 2), S));
        assertEquals(1, ClinicalPredictors.of(InferenceTopologyTest.clinical("c", 41.0, 3), S).tumorMultiple());
    }

    @Test
    void badFieldsAreRejectedWithTheirReason() {
        assertEquals(ReasonCode.ALB_MISSING, reason(null, 1));
        assertEquals(ReasonCode.ALB_MISSING, reason(Double.NaN, 1));
        assertEquals(ReasonCode.ALB_OUT_OF_RANGE, reason(9.99, 1));
        assertEquals(ReasonCode.ALB_OUT_OF_RANGE, reason(3.8, 1));
        assertEquals(ReasonCode.ALB_OUT_OF_RANGE, reason(70.01, 1));
        assertEquals(ReasonCode.INVALID_FIELD, reason(40.0, null));
        assertEquals(ReasonCode.INVALID_FIELD, reason(40.0, 0));
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> ClinicalPredictors.of(InferenceTopologyTest.clinical("c", 3.8, 1), S));
        assertTrue(e.getMessage().contains("albGPerL") && e.getMessage().contains("3.8"), e.getMessage());
    }
}
