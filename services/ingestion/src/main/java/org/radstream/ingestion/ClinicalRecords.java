package org.radstream.ingestion;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.radstream.events.ChildPugh;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.Outcome;
import org.radstream.events.Sex;
import org.radstream.streaming.dlq.ReasonCode;

/**
 * Turns named fields (a CSV row of {@code clinical.csv} / {@code outcomes.csv}, or a JSON object posted to the
 * REST endpoint; the same names) into {@link ClinicalRecord} and {@link Outcome} events keyed by the pseudonymous
 * caseId, or into a rejection naming the field and the reason.
 *
 * <p>Clinical fields (units as in the study's Table 1): {@code patient_id} (or {@code caseId}), {@code age}
 * years, {@code sex} M/F, {@code alb} g/L (required: a nomogram predictor), {@code afp} ng/mL, {@code alt},
 * {@code ast} U/L, {@code tbil} µmol/L, {@code hbsag} 1/0, {@code child_pugh} A/B/C, {@code cirrhosis} 1/0,
 * {@code tumor_number} ≥ 1, {@code tumor_size_cm} (or {@code tumor_size_mm}), {@code tumor_location} text.
 * Outcome fields: {@code patient_id}, {@code early_recurrence} 1/0, {@code followup_months} ≥ 0 (both required).
 */
public final class ClinicalRecords {

    private final Pseudonymiser pseudonymiser;
    private final ClinicalRules rules;
    private final Clock clock;

    public ClinicalRecords(Pseudonymiser pseudonymiser, ClinicalRules rules, Clock clock) {
        this.pseudonymiser = Objects.requireNonNull(pseudonymiser, "pseudonymiser");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RecordResult<ClinicalRecord> clinical(Map<String, String> fields) {
        RecordFields f = new RecordFields(fields);
        String caseId = null;
        try {
            caseId = pseudonymiser.caseId(f.patientId());
            String albText = f.text("alb");
            if (albText == null) {
                return new RecordResult.Rejected<>(caseId, ReasonCode.ALB_MISSING, "alb: no serum albumin value");
            }
            Double alb = f.number("alb", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            if (alb < rules.albMinGPerL() || alb > rules.albMaxGPerL()) {
                return new RecordResult.Rejected<>(caseId, ReasonCode.ALB_OUT_OF_RANGE, "alb: " + albText
                        + " g/L is outside the plausible range [" + RecordFields.fmt(rules.albMinGPerL()) + ", "
                        + RecordFields.fmt(rules.albMaxGPerL()) + "] g/L");
            }
            Double sizeMm = f.number("tumor_size_mm", 0, 1000);
            if (sizeMm == null) {
                Double cm = f.number("tumor_size_cm", 0, 100);
                sizeMm = cm == null ? null : cm * 10;
            }
            ClinicalRecord r = ClinicalRecord.newBuilder()
                    .setCaseId(caseId)
                    .setAgeYears(f.number("age", 0, 120))
                    .setSex(sex(f))
                    .setAlbGPerL(alb)
                    .setAfpNgPerMl(f.number("afp", 0, Double.MAX_VALUE))
                    .setAltUPerL(f.number("alt", 0, Double.MAX_VALUE))
                    .setAstUPerL(f.number("ast", 0, Double.MAX_VALUE))
                    .setTbilUmolPerL(f.number("tbil", 0, Double.MAX_VALUE))
                    .setHbsagPositive(f.bool("hbsag"))
                    .setChildPugh(childPugh(f))
                    .setCirrhosis(f.bool("cirrhosis"))
                    .setTumorNumber(f.integer("tumor_number", 1, 100))
                    .setTumorSizeMm(sizeMm)
                    .setTumorLocation(f.text("tumor_location"))
                    .setRecordedAt(clock.instant())
                    .build();
            return new RecordResult.Accepted<>(caseId, r);
        } catch (RecordFields.FieldProblem p) {
            return new RecordResult.Rejected<>(caseId, p.reason, p.getMessage());
        }
    }

    public RecordResult<Outcome> outcome(Map<String, String> fields) {
        RecordFields f = new RecordFields(fields);
        String caseId = null;
        try {
            caseId = pseudonymiser.caseId(f.patientId());
            Boolean er = f.bool("early_recurrence");
            Double months = f.number("followup_months", 0, 1200);
            if (er == null || months == null) {
                return new RecordResult.Rejected<>(caseId, ReasonCode.INVALID_FIELD,
                        (er == null ? "early_recurrence" : "followup_months") + ": required, empty");
            }
            return new RecordResult.Accepted<>(caseId, Outcome.newBuilder().setCaseId(caseId)
                    .setEarlyRecurrence(er).setFollowupMonths(months).setRecordedAt(clock.instant()).build());
        } catch (RecordFields.FieldProblem p) {
            return new RecordResult.Rejected<>(caseId, p.reason, p.getMessage());
        }
    }

    private static Sex sex(RecordFields f) throws RecordFields.FieldProblem {
        String v = f.text("sex");
        if (v == null) {
            return null;
        }
        return switch (v.toUpperCase(Locale.ROOT)) {
            case "M", "MALE" -> Sex.MALE;
            case "F", "FEMALE" -> Sex.FEMALE;
            default -> throw new RecordFields.FieldProblem(ReasonCode.INVALID_FIELD, "sex: '" + v + "' is not M or F");
        };
    }

    private static ChildPugh childPugh(RecordFields f) throws RecordFields.FieldProblem {
        String v = f.text("child_pugh");
        if (v == null) {
            return null;
        }
        try {
            return ChildPugh.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RecordFields.FieldProblem(ReasonCode.INVALID_FIELD, "child_pugh: '" + v + "' is not A, B or C");
        }
    }
}
