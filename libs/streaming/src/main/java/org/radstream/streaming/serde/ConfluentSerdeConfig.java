package org.radstream.streaming.serde;

import java.util.Locale;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.radstream.streaming.registry.RegistrySettings;

/**
 * The serde settings read from a Kafka configuration map with Confluent's key names (so the same properties
 * work with Confluent's serdes):
 * <ul>
 * <li>registry connection: see {@link RegistrySettings#fromConfluentConfig}
 *     ({@code schema.registry.url}, {@code basic.auth.*}, {@code schema.registry.ssl.*}, timeouts, retries)</li>
 * <li>{@code auto.register.schemas}: {@code true} (Confluent's default) or {@code false} (production)</li>
 * <li>{@code specific.avro.key.type} / {@code specific.avro.value.type}: the generated class to read into;
 *     when absent the class named by the writer schema is used</li>
 * <li>{@code key.subject.name.strategy} / {@code value.subject.name.strategy}: only TopicNameStrategy is
 *     implemented, anything else is rejected rather than silently using other subjects; likewise
 *     {@code use.latest.version=true}</li>
 * </ul>
 *
 * @param registry     how to reach the registry
 * @param registration what the serializer does with unknown schemas
 * @param readerType   class the deserializer reads into, {@code null} = by writer schema name
 */
public record ConfluentSerdeConfig(RegistrySettings registry, SchemaRegistration registration,
                                   Class<? extends SpecificRecord> readerType) {

    public static final String AUTO_REGISTER_CONFIG = "auto.register.schemas";
    public static final String KEY_TYPE_CONFIG = "specific.avro.key.type";
    public static final String VALUE_TYPE_CONFIG = "specific.avro.value.type";

    /** Parses {@code config} for a key ({@code isKey}) or value serde; errors name the key. */
    public static ConfluentSerdeConfig parse(Map<String, ?> config, boolean isKey) {
        RegistrySettings registry;
        try {
            registry = RegistrySettings.fromConfluentConfig(config);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        String part = isKey ? "key" : "value";
        Object strategy = config.get(part + ".subject.name.strategy");
        if (strategy != null && !strategy.toString().endsWith("TopicNameStrategy")) {
            throw new ConfigException(part + ".subject.name.strategy", strategy,
                    "only TopicNameStrategy (<topic>-" + part + ") is implemented");
        }
        if (bool(config, "use.latest.version", false)) {
            throw new ConfigException("use.latest.version", config.get("use.latest.version"), "not supported");
        }
        SchemaRegistration registration = bool(config, AUTO_REGISTER_CONFIG, true)
                ? SchemaRegistration.AUTO_REGISTER : SchemaRegistration.LOOKUP_ONLY;
        return new ConfluentSerdeConfig(registry, registration, readerType(config, isKey ? KEY_TYPE_CONFIG : VALUE_TYPE_CONFIG));
    }

    private static Class<? extends SpecificRecord> readerType(Map<String, ?> config, String key) {
        Object v = config.get(key);
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        Class<?> type;
        if (v instanceof Class<?> c) {
            type = c;
        } else {
            try {
                type = Class.forName(v.toString().trim(), false, Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader() : ConfluentSerdeConfig.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ConfigException(key, v, "class not found");
            }
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new ConfigException(key, v, "not an Avro SpecificRecord (generated) class");
        }
        return type.asSubclass(SpecificRecord.class);
    }

    private static boolean bool(Map<String, ?> config, String key, boolean dflt) {
        Object v = config.get(key);
        if (v == null || v.toString().isBlank()) {
            return dflt;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw new ConfigException(key, v, "must be true or false");
        }
        return Boolean.parseBoolean(s);
    }
}
