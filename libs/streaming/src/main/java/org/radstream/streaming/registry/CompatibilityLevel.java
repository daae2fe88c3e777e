package org.radstream.streaming.registry;

/**
 * Compatibility levels of the Confluent Schema Registry API ({@code GET/PUT /config/{subject}}). BACKWARD: the
 * new schema can read data written with the latest one; TRANSITIVE variants check all versions; FORWARD: the
 * latest can read data of the new one; FULL: both.
 */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE
}
