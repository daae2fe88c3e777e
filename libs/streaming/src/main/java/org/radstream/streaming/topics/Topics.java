package org.radstream.streaming.topics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.radstream.events.CaseFeatures;
import org.radstream.events.ClinicalRecord;
import org.radstream.events.DeadLetter;
import org.radstream.events.FeatureVector;
import org.radstream.events.ModelPublished;
import org.radstream.events.Outcome;
import org.radstream.events.PreprocessedRoi;
import org.radstream.events.ReportReady;
import org.radstream.events.RiskScore;
import org.radstream.events.StableFeatureSet;
import org.radstream.events.StudyReceived;

/**
 * The topic catalogue (DESIGN §2): the only place a topic name is written. Services and tools take names,
 * value types and settings from here.
 *
 * <p>Partitioning: every topic keyed by caseId (the case path, and the DLQ) has
 * {@link #DEFAULT_PARTITIONS} partitions, so joins over caseId are co-partitioned. The two topics keyed by
 * something else are small compacted tables read whole by every instance (GlobalKTable): one partition
 * keeps their order total.
 *
 * <p>Retention: case events are replayable for {@link #CASE_EVENT_RETENTION}; feature topics are kept
 * forever because the quality gate (ICC over all reader pairs) and training read their full history;
 * compacted topics keep the latest value per key forever; the DLQ keeps failures for a year so they can
 * be replayed after a fix.
 */
public final class Topics {

    /** Partitions of every caseId-keyed topic unless a deployment says otherwise. */
    public static final int DEFAULT_PARTITIONS = 6;
    /** Retention of transient case events (studies, ROIs, scores, reports). */
    public static final Duration CASE_EVENT_RETENTION = Duration.ofDays(30);
    /** Retention of the dead-letter queue. */
    public static final Duration DLQ_RETENTION = Duration.ofDays(365);

    public static final TopicSpec STUDIES_RECEIVED = caseTopic("studies.received", StudyReceived.class,
            CASE_EVENT_RETENTION, "series URIs per sequence, ROI URIs per reader, acquisition metadata");
    public static final TopicSpec CLINICAL = new TopicSpec(name("clinical"), KeyKind.CASE_ID, ClinicalRecord.class,
            DEFAULT_PARTITIONS, CleanupPolicy.COMPACT, null, Duration.ofHours(1),
            "clinical predictors per case (latest record wins)");
    public static final TopicSpec OUTCOMES = new TopicSpec(name("outcomes"), KeyKind.CASE_ID, Outcome.class,
            DEFAULT_PARTITIONS, CleanupPolicy.COMPACT, null, Duration.ofHours(1),
            "early recurrence within 2 years, follow-up months (latest record wins)");
    public static final TopicSpec ROIS_PREPROCESSED = caseTopic("rois.preprocessed", PreprocessedRoi.class,
            CASE_EVENT_RETENTION, "resampled, normalised ROI neighbourhood per (sequence, reader)");
    public static final TopicSpec FEATURES_EXTRACTED = caseTopic("features.extracted", FeatureVector.class,
            null, "radiomics features per (sequence, reader)");
    public static final TopicSpec QUALITY_STABLE_FEATURES = new TopicSpec(name("quality.stable-features"),
            KeyKind.SEQUENCE, StableFeatureSet.class, 1, CleanupPolicy.COMPACT, null, Duration.ofHours(1),
            "ICC per feature and the kept list, per sequence");
    public static final TopicSpec FEATURES_CASE = caseTopic("features.case", CaseFeatures.class,
            null, "reader-A gated features of all five sequences");
    public static final TopicSpec MODELS = new TopicSpec(name("models"), KeyKind.MODEL_NAME, ModelPublished.class,
            1, CleanupPolicy.COMPACT, null, Duration.ofDays(1), "versioned model artifacts");
    public static final TopicSpec RISK_SCORES = caseTopic("risk.scores", RiskScore.class,
            CASE_EVENT_RETENTION, "rad-score, nomogram points, probability, risk band");
    public static final TopicSpec REPORTS = caseTopic("reports", ReportReady.class,
            CASE_EVENT_RETENTION, "report URIs");
    public static final TopicSpec DLQ = caseTopic("dlq", DeadLetter.class,
            DLQ_RETENTION, "failed inputs: stage, reason code, message, source coordinates");

    /** Every topic, in pipeline order. */
    public static final List<TopicSpec> ALL = List.of(STUDIES_RECEIVED, CLINICAL, OUTCOMES, ROIS_PREPROCESSED,
            FEATURES_EXTRACTED, QUALITY_STABLE_FEATURES, FEATURES_CASE, MODELS, RISK_SCORES, REPORTS, DLQ);

    private Topics() {
    }

    /**
     * The catalogue with {@code caseIdPartitions} partitions on every caseId-keyed topic (the others keep
     * theirs), for clusters sized differently from the default.
     */
    public static List<TopicSpec> withCasePartitions(int caseIdPartitions) {
        if (caseIdPartitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + caseIdPartitions);
        }
        return ALL.stream()
                .map(t -> t.key() == KeyKind.CASE_ID ? t.withPartitions(caseIdPartitions) : t)
                .toList();
    }

    /** The spec of a topic by full name. */
    public static Optional<TopicSpec> byName(String topicName) {
        return ALL.stream().filter(t -> t.name().equals(topicName)).findFirst();
    }

    private static TopicSpec caseTopic(String shortName, Class<? extends org.apache.avro.specific.SpecificRecord> type,
            Duration retention, String purpose) {
        return new TopicSpec(name(shortName), KeyKind.CASE_ID, type, DEFAULT_PARTITIONS, CleanupPolicy.DELETE,
                retention, null, purpose);
    }

    private static String name(String shortName) {
        return "radstream." + shortName + ".v1";
    }
}
