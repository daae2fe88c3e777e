package org.radstream.streaming.registry;

/**
 * The schema stored under a global id ({@code GET /schemas/ids/{id}}). Ids are immutable, so this is cached
 * forever.
 *
 * @param id         global schema id
 * @param schemaType {@code AVRO} unless the registry says otherwise ({@code PROTOBUF}, {@code JSON})
 * @param schema     schema text as stored by the registry
 */
public record RegisteredSchema(int id, String schemaType, String schema) {
}
