package org.radstream.inference;

import org.radstream.events.ClinicalRecord;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;

/**
 * The nomogram's clinical predictors of a case (DESIGN §1 step 9): serum albumin (g/L) and tumour number
 * coded single (0) versus multiple (1).
 *
 * @param albGPerL      serum albumin, g/L
 * @param tumorMultiple 1 when more than one nodule, else 0
 */
public record ClinicalPredictors(double albGPerL, double tumorMultiple) {

    /**
     * Reads and checks the predictors.
     *
     * @throws RejectedRecordException ALB_MISSING, ALB_OUT_OF_RANGE, or INVALID_FIELD for a missing or
     *                                 non-positive tumour number; messages name the field, never the patient
     */
    public static ClinicalPredictors of(ClinicalRecord r, InferenceSettings settings) {
        Double alb = r.getAlbGPerL();
        if (alb == null || alb.isNaN()) {
            throw new RejectedRecordException(ReasonCode.ALB_MISSING, "clinical record field albGPerL is missing; the nomogram needs serum albumin");
        }
        if (!(alb >= settings.albMinGPerL() && alb <= settings.albMaxGPerL())) {
            throw new RejectedRecordException(ReasonCode.ALB_OUT_OF_RANGE, "clinical record field albGPerL = " + alb
                    + " g/L is outside the plausible range [" + settings.albMinGPerL() + ", " + settings.albMaxGPerL() + "] g/L");
        }
        Integer n = r.getTumorNumber();
        if (n == null) {
            throw new RejectedRecordException(ReasonCode.INVALID_FIELD, "clinical record field tumorNumber is missing; the nomogram needs single vs multiple");
        }
        if (n < 1) {
            throw new RejectedRecordException(ReasonCode.INVALID_FIELD, "clinical record field tumorNumber = " + n + " must be >= 1");
        }
        return new ClinicalPredictors(alb, n > 1 ? 1 : 0);
    }
}
