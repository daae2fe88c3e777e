package org.radstream.ingestion;

import java.util.Locale;
import java.util.Map;

import org.radstream.streaming.dlq.ReasonCode;

/**
 * Typed access to the named text fields of one clinical or outcome input (a CSV row or a JSON object), each
 * problem thrown as a {@link FieldProblem} naming the field and the reason. Empty text is "not recorded".
 */
final class RecordFields {

    /** Column names accepted for the hospital patient identifier, in order of preference. */
    static final String[] PATIENT_ID_FIELDS = {"patient_id", "patientId", "caseId", "case_id"};

    private final Map<String, String> values;

    RecordFields(Map<String, String> values) {
        this.values = values;
    }

    /** A bad field: the reason code and a message without the value when it may identify the patient. */
    static final class FieldProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final ReasonCode reason;

        FieldProblem(ReasonCode reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    String patientId() throws FieldProblem {
        for (String f : PATIENT_ID_FIELDS) {
            String v = text(f);
            if (v != null) {
                return v;
            }
        }
        throw new FieldProblem(ReasonCode.INVALID_FIELD, "no patient identifier (one of "
                + String.join(", ", PATIENT_ID_FIELDS) + ")");
    }

    String text(String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.trim();
    }

    Double number(String field, double min, double max) throws FieldProblem {
        String v = text(field);
        if (v == null) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new FieldProblem(ReasonCode.INVALID_FIELD, field + ": '" + v + "' is not a number");
        }
        if (!(d >= min && d <= max)) {
            throw new FieldProblem(ReasonCode.INVALID_FIELD, field + ": " + v + " is outside [" + fmt(min) + ", " + fmt(max) + "]");
        }
        return d;
    }

    Integer integer(String field, int min, int max) throws FieldProblem {
        Double d = number(field, min, max);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d)) {
            throw new FieldProblem(ReasonCode.INVALID_FIELD, field + ": " + text(field) + " is not a whole number");
        }
        return d.intValue();
    }

    /** 1/0, true/false, yes/no, positive/negative. */
    Boolean bool(String field) throws FieldProblem {
        String v = text(field);
        if (v == null) {
            return null;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "y", "positive", "pos", "+":
                return true;
            case "0", "false", "no", "n", "negative", "neg", "-":
                return false;
            default:
                throw new FieldProblem(ReasonCode.INVALID_FIELD, field + ": '" + v + "' is not 1/0, true/false or yes/no");
        }
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
