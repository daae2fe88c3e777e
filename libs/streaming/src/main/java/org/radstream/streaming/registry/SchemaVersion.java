package org.radstream.streaming.registry;

/**
 * One version of a subject, as answered by {@code POST /subjects/{subject}} (lookup) and
 * {@code GET /subjects/{subject}/versions/latest}.
 *
 * @param subject    subject name, e.g. {@code radstream.clinical.v1-value}
 * @param version    version number within the subject, from 1
 * @param id         global schema id (the one in the wire format)
 * @param schemaType {@code AVRO} unless the registry says otherwise
 * @param schema     schema text as stored by the registry
 */
public record SchemaVersion(String subject, int version, int id, String schemaType, String schema) {
}
