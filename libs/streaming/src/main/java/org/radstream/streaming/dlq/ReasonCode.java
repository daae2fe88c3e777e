package org.radstream.streaming.dlq;

/**
 * Why a record went to the dead-letter queue: the machine-readable {@code reasonCode} of a
 * {@link org.radstream.events.DeadLetter}. Names are UPPER_SNAKE_CASE and stable (dashboards and replay
 * tools match on them); add new codes, never rename one.
 */
public enum ReasonCode {
    // reading the record
    DESERIALIZATION("The record's key or value could not be decoded."),
    WIRE_FORMAT("The value is not in the Confluent wire format (magic byte 0 + 4-byte schema id), or is too short."),
    UNKNOWN_SCHEMA_ID("The schema id in the record is not known to the schema registry."),
    REGISTRY_UNAVAILABLE("The schema registry did not answer (after retries)."),
    SCHEMA_INCOMPATIBLE("The writer schema cannot be read with the reader schema of this stage."),
    SERIALIZATION("An output record of the stage could not be encoded (e.g. its schema could not be registered)."),
    // ingestion: DICOM and blob store
    BLOB_NOT_FOUND("A URI in the event names a file or blob that does not exist."),
    CORRUPT_DICOM("A DICOM file could not be parsed (truncated, bad header, missing pixel data)."),
    UNSUPPORTED_TRANSFER_SYNTAX("A DICOM file uses a transfer syntax the reader cannot decode (e.g. JPEG-LS)."),
    MISSING_SEQUENCE("A study lacks one of the five MRI sequences T1WI, T2WI, AP, PVP, DP."),
    UNKNOWN_SEQUENCE("A study lacks a sequence and has a series whose name matches no sequence rule (set an override)."),
    DUPLICATE_SEQUENCE("Several series of a study qualify as the same sequence (set an override)."),
    MISSING_PATIENT_ID("A DICOM study has no PatientID (0010,0020), or its series disagree on it: no case can be formed."),
    INVALID_FIELD("A field of a clinical or outcome record (CSV row or REST body) is missing, malformed or out of range."),
    // preprocessing: ROI and geometry
    MISSING_ROI("A sequence has no ROI from the expected reader."),
    EMPTY_MASK("The ROI mask has no foreground voxel."),
    MASK_OUTSIDE_IMAGE("The ROI mask lies (partly) outside the image volume."),
    GEOMETRY_MISMATCH("Mask and image disagree in size, spacing, origin or direction."),
    // features and quality gate
    FEATURE_NOT_COMPUTABLE("A required feature could not be computed (e.g. a ROI too small for the filter)."),
    // clinical data and outcomes
    ALB_MISSING("The clinical record has no serum albumin (ALB), a nomogram predictor."),
    ALB_OUT_OF_RANGE("Serum albumin is outside the plausible range (g/L)."),
    MISSING_CLINICAL("No clinical record is known for the case."),
    MISSING_OUTCOME("A training case has no recurrence outcome."),
    // training
    TRAINING_FAILED("The analysis could not be trained on the labelled cases (e.g. one outcome class only, too few cases for cross-validation, no feature passing selection)."),
    // inference
    MODEL_MISSING("No model has been published for the requested name."),
    MODEL_VERSION_UNKNOWN("The event names a version of a model that this stage has not seen published (not yet, or compacted away)."),
    // anything else
    PROCESSING_ERROR("An unexpected error while processing the record (see exceptionClass and message).");

    private final String meaning;

    ReasonCode(String meaning) {
        this.meaning = meaning;
    }

    /** One line saying what the code means. */
    public String meaning() {
        return meaning;
    }

    /**
     * The reason carried by the first {@link HasReasonCode} in the cause chain of {@code error}, or
     * {@code fallback} when none carries one.
     */
    public static ReasonCode of(Throwable error, ReasonCode fallback) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HasReasonCode h && h.reasonCode() != null) {
                return h.reasonCode();
            }
        }
        return fallback;
    }
}
