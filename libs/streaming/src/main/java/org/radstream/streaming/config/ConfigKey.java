package org.radstream.streaming.config;

/**
 * Every setting radstream reads: its key in a properties file, its environment variable, its command-line
 * flag (if any), its default and its meaning. The configuration table in {@code docs/configuration.md} is
 * {@link ConfigDocs#markdownTable()} of this enum (a test keeps the two equal).
 */
public enum ConfigKey {
    BOOTSTRAP_SERVERS("bootstrap.servers", "--bootstrap", "localhost:9092", false,
            "Kafka brokers, HOST:PORT[,HOST:PORT...]."),
    REGISTRY_URL("registry.url", "--registry", "http://localhost:8081", false,
            "Confluent-compatible schema registry base URL (Apicurio: .../apis/ccompat/v7)."),
    REGISTRY_BASIC_AUTH_USER_INFO("registry.basic.auth.user.info", null, null, true,
            "Registry HTTP basic auth as USER:PASSWORD; unset = no authentication."),
    SECURITY_PROTOCOL("security.protocol", null, "PLAINTEXT", false,
            "Kafka client security: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL."),
    SASL_MECHANISM("sasl.mechanism", null, null, false,
            "SASL mechanism (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, GSSAPI, OAUTHBEARER); required with SASL_*."),
    SASL_JAAS_CONFIG("sasl.jaas.config", null, null, true,
            "JAAS login line for the SASL mechanism; required with SASL_* except GSSAPI."),
    SSL_TRUSTSTORE_LOCATION("ssl.truststore.location", null, null, false,
            "Trust store file for TLS to the brokers (SSL, SASL_SSL) and to an https registry."),
    SSL_TRUSTSTORE_PASSWORD("ssl.truststore.password", null, null, true,
            "Trust store password."),
    SSL_TRUSTSTORE_TYPE("ssl.truststore.type", null, null, false,
            "Trust store type: JKS, PKCS12 or PEM; unset = Kafka's default (JKS)."),
    SSL_KEYSTORE_LOCATION("ssl.keystore.location", null, null, false,
            "Key store file for TLS client authentication (mutual TLS)."),
    SSL_KEYSTORE_PASSWORD("ssl.keystore.password", null, null, true,
            "Key store password."),
    SSL_KEYSTORE_TYPE("ssl.keystore.type", null, null, false,
            "Key store type: JKS, PKCS12 or PEM; unset = Kafka's default (JKS)."),
    SSL_KEY_PASSWORD("ssl.key.password", null, null, true,
            "Password of the private key inside the key store, if it differs from the store's.");

    /** Environment variable naming the properties file (flag {@code --config}). */
    public static final String CONFIG_FILE_ENV = "RADSTREAM_CONFIG";
    /** Flag naming the properties file. */
    public static final String CONFIG_FILE_FLAG = "--config";

    private final String property;
    private final String flag;
    private final String defaultValue;
    private final boolean secret;
    private final String meaning;

    ConfigKey(String property, String flag, String defaultValue, boolean secret, String meaning) {
        this.property = property;
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.meaning = meaning;
    }

    /** Key in the properties file, e.g. {@code bootstrap.servers}. */
    public String property() {
        return property;
    }

    /** Environment variable: {@code RADSTREAM_} + the property upper-cased with dots as underscores. */
    public String envVar() {
        return "RADSTREAM_" + property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    /** Command-line flag of the {@code ConnectionOptions} mixin, or {@code null} when there is none. */
    public String flag() {
        return flag;
    }

    /** Default value, or {@code null} when unset by default. */
    public String defaultValue() {
        return defaultValue;
    }

    /** Whether the value is a credential: masked whenever printed. */
    public boolean secret() {
        return secret;
    }

    public String meaning() {
        return meaning;
    }

    /** The key with this property name, if any. */
    public static java.util.Optional<ConfigKey> byProperty(String property) {
        for (ConfigKey k : values()) {
            if (k.property.equals(property)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
