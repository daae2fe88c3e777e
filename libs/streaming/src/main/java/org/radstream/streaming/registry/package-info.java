/**
 * A small client for the Confluent Schema Registry REST API ({@link org.radstream.streaming.registry.SchemaRegistryClient}),
 * its immutable settings ({@link org.radstream.streaming.registry.RegistrySettings},
 * {@link org.radstream.streaming.registry.TlsSettings}, {@link org.radstream.streaming.registry.RetryPolicy}) and one
 * exception per failure cause ({@link org.radstream.streaming.registry.RegistryException} and its subclasses).
 *
 * <p>Only the documented Confluent API v1 is used, so the client works with Confluent Schema Registry, Apicurio
 * Registry's {@code /apis/ccompat/v7}, Karapace and Redpanda. Differences met and handled: Apicurio answers an
 * incompatible registration with HTTP 409 and {@code error_code} 0 (the status decides), compares lookups by text
 * (hence the {@code ?normalize=true} second try), answers 40401 for a lookup of an unregistered schema in an
 * existing subject, and may answer 409 to concurrent first registrations of one subject (asked again).
 *
 * <pre>
 * SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of("https://registry:8081")
 *         .withBasicAuth("svc:secret")
 *         .withTls(TlsSettings.trusting(Path.of("/etc/radstream/trust.p12"), "changeit", "PKCS12")));
 * client.setCompatibility("radstream.clinical.v1-value", CompatibilityLevel.BACKWARD);
 * int id = client.register("radstream.clinical.v1-value", ClinicalRecord.getClassSchema().toString());
 * </pre>
 */
package org.radstream.streaming.registry;
