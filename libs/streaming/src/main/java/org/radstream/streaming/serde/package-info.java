/**
 * Kafka serdes for Avro generated classes in the Confluent wire format
 * ({@link org.radstream.streaming.serde.ConfluentWireFormat}: magic byte 0, 4-byte big-endian schema id, Avro
 * binary), interoperable with Confluent's {@code KafkaAvroSerializer}/{@code KafkaAvroDeserializer} and any
 * consumer that fetches the writer schema by id.
 *
 * <p>Configured like Confluent's serdes (the keys of {@link org.radstream.streaming.serde.ConfluentSerdeConfig}):
 * <pre>
 * value.serializer        = org.radstream.streaming.serde.ConfluentAvroSerializer
 * value.deserializer      = org.radstream.streaming.serde.ConfluentAvroDeserializer
 * schema.registry.url     = http://127.0.0.1:8080/apis/ccompat/v7
 * auto.register.schemas   = false                 # production: schemas are registered on release
 * specific.avro.value.type = org.radstream.events.ClinicalRecord   # optional; else by writer schema name
 * basic.auth.credentials.source = USER_INFO
 * basic.auth.user.info    = svc:secret
 * schema.registry.ssl.truststore.location = /etc/radstream/trust.p12
 * </pre>
 * or in code: {@code new ConfluentAvroSerde<>(client, ClinicalRecord.class, RecordPart.VALUE,
 * SchemaRegistration.LOOKUP_ONLY)}. Subjects follow TopicNameStrategy ({@code <topic>-value}, {@code <topic>-key}).
 *
 * <p>Bad records fail with a subclass of {@link org.radstream.streaming.serde.UnreadableRecordException} (a Kafka
 * {@code SerializationException}) or a registry exception, each carrying a DLQ reason code
 * ({@link org.radstream.streaming.dlq.HasReasonCode}). Note that
 * {@link org.radstream.streaming.registry.RegistryUnreachableException} (REGISTRY_UNAVAILABLE) is transient: a
 * stage should stop and retry rather than dead-letter the record.
 */
package org.radstream.streaming.serde;
