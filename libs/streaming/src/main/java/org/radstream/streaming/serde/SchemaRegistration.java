package org.radstream.streaming.serde;

/**
 * What a serializer does with a schema the registry may not know yet (Confluent key {@code auto.register.schemas}).
 */
public enum SchemaRegistration {
    /** Register the writer schema under the subject ({@code auto.register.schemas=true}; development, tests). */
    AUTO_REGISTER,
    /**
     * Only look it up; fail with {@link org.radstream.streaming.registry.SchemaNotRegisteredException} if it is not
     * registered ({@code auto.register.schemas=false}; production, where schemas are registered on release).
     */
    LOOKUP_ONLY
}
