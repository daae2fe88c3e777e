package org.radstream.streaming.topics;

/**
 * What a topic's (string) key is. Topics keyed by {@link #CASE_ID} form the case path: they must all have
 * the same partition count so that one case's events are co-partitioned and Kafka Streams joins need no
 * repartition topic.
 */
public enum KeyKind {
    /** Pseudonymous case identifier (never a raw patient ID). */
    CASE_ID("caseId"),
    /** MRI sequence name: T1WI, T2WI, AP, PVP, DP. */
    SEQUENCE("sequence"),
    /** Model name, e.g. {@code mpMRI-nomogram}. */
    MODEL_NAME("model name");

    private final String description;

    KeyKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
