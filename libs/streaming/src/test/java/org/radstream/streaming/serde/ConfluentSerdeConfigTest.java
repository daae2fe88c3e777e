package org.radstream.streaming.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.radstream.events.ClinicalRecord;

class ConfluentSerdeConfigTest {

    @Test
    void autoRegisterDefaultsToConfluentsTrueAndCanBeTurnedOff() {
        assertEquals(SchemaRegistration.AUTO_REGISTER,
                ConfluentSerdeConfig.parse(Map.of("schema.registry.url", "http://h"), false).registration());
        assertEquals(SchemaRegistration.LOOKUP_ONLY, ConfluentSerdeConfig.parse(
                Map.of("schema.registry.url", "http://h", "auto.register.schemas", "false"), false).registration());
        assertEquals(SchemaRegistration.LOOKUP_ONLY, ConfluentSerdeConfig.parse(
                Map.of("schema.registry.url", "http://h", "auto.register.schemas", false), false).registration());
    }

    @Test
    void readerTypeComesFromTheKeyOrValueKey() {
        Map<String, Object> config = Map.of("schema.registry.url", "http://h",
                "specific.avro.value.type", ClinicalRecord.class.getName());
        assertEquals(ClinicalRecord.class, ConfluentSerdeConfig.parse(config, false).readerType());
        assertNull(ConfluentSerdeConfig.parse(config, true).readerType());
    }

    @Test
    void badSettingsAreConfigExceptionsNamingTheKey() {
        assertTrue(assertThrows(ConfigException.class, () -> ConfluentSerdeConfig.parse(Map.of(), false))
                .getMessage().contains("schema.registry.url"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfluentSerdeConfig.parse(Map.of(
                "schema.registry.url", "http://h", "auto.register.schemas", "yes"), false))
                .getMessage().contains("auto.register.schemas"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfluentSerdeConfig.parse(Map.of(
                "schema.registry.url", "http://h", "specific.avro.value.type", "java.lang.String"), false))
                .getMessage().contains("specific.avro.value.type"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfluentSerdeConfig.parse(Map.of(
                "schema.registry.url", "http://h",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false))
                .getMessage().contains("TopicNameStrategy"));
    }

    @Test
    void serializerBeforeConfigureFailsClearly() {
        assertTrue(assertThrows(IllegalStateException.class,
                () -> new ConfluentAvroSerializer<ClinicalRecord>().serialize("t", ClinicalRecord.newBuilder()
                        .setCaseId("c").setRecordedAt(java.time.Instant.EPOCH).build()))
                .getMessage().contains("configure"));
        assertNull(new ConfluentAvroSerializer<ClinicalRecord>().serialize("t", null));
        assertNull(new ConfluentAvroDeserializer<ClinicalRecord>().deserialize("t", null));
    }
}
