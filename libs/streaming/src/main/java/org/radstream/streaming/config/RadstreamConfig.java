package org.radstream.streaming.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.StringJoiner;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * How a radstream process connects to Kafka and the schema registry: validated once by
 * {@link ConfigLoader}, immutable afterwards. Optional settings are {@code null} when unset; credentials are
 * {@link Secret}s, so {@link #toString()} masks them.
 *
 * @param bootstrapServers        Kafka brokers, {@code HOST:PORT[,HOST:PORT...]}
 * @param registryUrl             schema registry base URL (http or https)
 * @param registryBasicAuth       {@code USER:PASSWORD} for the registry, or null
 * @param securityProtocol        Kafka client security protocol
 * @param saslMechanism           SASL mechanism, or null
 * @param saslJaasConfig          JAAS login line, or null
 * @param sslTruststoreLocation   trust store file, or null
 * @param sslTruststorePassword   trust store password, or null
 * @param sslTruststoreType       JKS, PKCS12 or PEM, or null (Kafka default)
 * @param sslKeystoreLocation     key store file, or null
 * @param sslKeystorePassword     key store password, or null
 * @param sslKeystoreType         JKS, PKCS12 or PEM, or null (Kafka default)
 * @param sslKeyPassword          private-key password, or null
 * @param sources                 where each set value came from
 */
public record RadstreamConfig(String bootstrapServers, String registryUrl, Secret registryBasicAuth,
        SecurityProtocol securityProtocol, String saslMechanism, Secret saslJaasConfig,
        Path sslTruststoreLocation, Secret sslTruststorePassword, String sslTruststoreType,
        Path sslKeystoreLocation, Secret sslKeystorePassword, String sslKeystoreType, Secret sslKeyPassword,
        Map<ConfigKey, ConfigSource> sources) {

    public RadstreamConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(securityProtocol, "securityProtocol");
        sources = Map.copyOf(sources);
    }

    /**
     * A configuration for a local, unsecured platform (e.g. the embedded one in tests): the two addresses
     * given, everything else default.
     */
    public static RadstreamConfig local(String bootstrapServers, String registryUrl) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.BOOTSTRAP_SERVERS, bootstrapServers);
        flags.put(ConfigKey.REGISTRY_URL, registryUrl);
        return ConfigLoader.load(flags, null, Map.of());
    }

    /**
     * Properties for any Kafka client (producer, consumer, admin, streams): bootstrap servers and the
     * security settings. TLS settings are included only for SSL/SASL_SSL, SASL settings only for SASL_*.
     */
    public Properties toKafkaProperties() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol.name);
        if (usesSasl()) {
            putIfSet(p, SaslConfigs.SASL_MECHANISM, saslMechanism);
            putIfSet(p, SaslConfigs.SASL_JAAS_CONFIG, saslJaasConfig);
        }
        if (usesTls()) {
            putIfSet(p, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, sslTruststoreLocation);
            putIfSet(p, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, sslTruststorePassword);
            putIfSet(p, SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, sslTruststoreType);
            putIfSet(p, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, sslKeystoreLocation);
            putIfSet(p, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, sslKeystorePassword);
            putIfSet(p, SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, sslKeystoreType);
            putIfSet(p, SslConfigs.SSL_KEY_PASSWORD_CONFIG, sslKeyPassword);
        }
        return p;
    }

    /**
     * Settings for a Confluent-compatible schema-registry client or Avro serde, under Confluent's own keys
     * ({@code schema.registry.url}, {@code basic.auth.*}, {@code schema.registry.ssl.*}), so any serde that reads
     * those keys in {@code configure(...)} connects the way this configuration says. The trust store is used for
     * an {@code https} registry whatever the Kafka security protocol.
     */
    public Map<String, Object> registryClientConfig() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("schema.registry.url", registryUrl);
        if (registryBasicAuth != null) {
            m.put("basic.auth.credentials.source", "USER_INFO");
            m.put("basic.auth.user.info", registryBasicAuth.reveal());
        }
        if (registryUrl.startsWith("https:")) {
            if (sslTruststoreLocation != null) {
                m.put("schema.registry.ssl.truststore.location", sslTruststoreLocation.toString());
                putIfSet(m, "schema.registry.ssl.truststore.password", sslTruststorePassword);
                putIfSet(m, "schema.registry.ssl.truststore.type", sslTruststoreType);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Whether the Kafka connection uses SASL (SASL_PLAINTEXT or SASL_SSL). */
    public boolean usesSasl() {
        return securityProtocol == SecurityProtocol.SASL_PLAINTEXT || securityProtocol == SecurityProtocol.SASL_SSL;
    }

    /** Whether the Kafka connection uses TLS (SSL or SASL_SSL). */
    public boolean usesTls() {
        return securityProtocol == SecurityProtocol.SSL || securityProtocol == SecurityProtocol.SASL_SSL;
    }

    /** One line per set value, {@code key = value (source)}, secrets masked: for a service's start-up log. */
    public String describe() {
        StringJoiner j = new StringJoiner("\n");
        for (ConfigKey k : ConfigKey.values()) {
            Object v = value(k);
            if (v != null) {
                j.add(k.property() + " = " + v + " (" + sources.getOrDefault(k, ConfigSource.defaults()) + ")");
            }
        }
        return j.toString();
    }

    /** The value of a key as configured (a {@link Secret} for credentials), or null when unset. */
    public Object value(ConfigKey key) {
        return switch (key) {
            case BOOTSTRAP_SERVERS -> bootstrapServers;
            case REGISTRY_URL -> registryUrl;
            case REGISTRY_BASIC_AUTH_USER_INFO -> registryBasicAuth;
            case SECURITY_PROTOCOL -> securityProtocol.name;
            case SASL_MECHANISM -> saslMechanism;
            case SASL_JAAS_CONFIG -> saslJaasConfig;
            case SSL_TRUSTSTORE_LOCATION -> sslTruststoreLocation;
            case SSL_TRUSTSTORE_PASSWORD -> sslTruststorePassword;
            case SSL_TRUSTSTORE_TYPE -> sslTruststoreType;
            case SSL_KEYSTORE_LOCATION -> sslKeystoreLocation;
            case SSL_KEYSTORE_PASSWORD -> sslKeystorePassword;
            case SSL_KEYSTORE_TYPE -> sslKeystoreType;
            case SSL_KEY_PASSWORD -> sslKeyPassword;
        };
    }

    private static void putIfSet(Map<? super String, Object> p, String key, Object value) {
        if (value instanceof Secret s) {
            p.put(key, s.reveal());
        } else if (value != null) {
            p.put(key, value.toString());
        }
    }
}
