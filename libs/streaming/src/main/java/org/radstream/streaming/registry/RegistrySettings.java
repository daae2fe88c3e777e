package org.radstream.streaming.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach a Confluent-compatible schema registry.
 *
 * @param url            base URL of the Confluent API, without credentials, e.g. {@code http://host:8081} or
 *                       Apicurio's {@code http://host:8080/apis/ccompat/v7}; a trailing slash is dropped
 * @param basicAuthUserInfo {@code user:password} sent as HTTP Basic authorization; empty = none
 * @param tls            TLS settings for {@code https}; empty = the JDK defaults
 * @param connectTimeout TCP/TLS connect timeout (default 10 s)
 * @param requestTimeout time to wait for a response (default 30 s)
 * @param retry          retries on connection failures, 5xx, 408, 429 (default {@link RetryPolicy#DEFAULT})
 */
public record RegistrySettings(URI url, Optional<String> basicAuthUserInfo, Optional<TlsSettings> tls,
                               Duration connectTimeout, Duration requestTimeout, RetryPolicy retry) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    // Confluent client configuration keys (io.confluent.kafka.serializers.AbstractKafkaSchemaSerDeConfig)
    public static final String URL_CONFIG = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE_CONFIG = "basic.auth.credentials.source";
    public static final String USER_INFO_CONFIG = "basic.auth.user.info";
    public static final String LEGACY_USER_INFO_CONFIG = "schema.registry.basic.auth.user.info";
    public static final String SSL_PREFIX = "schema.registry.ssl.";
    public static final String CONNECT_TIMEOUT_CONFIG = "http.connect.timeout.ms";
    public static final String READ_TIMEOUT_CONFIG = "http.read.timeout.ms";
    public static final String MAX_RETRIES_CONFIG = "max.retries";
    public static final String RETRIES_WAIT_CONFIG = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_CONFIG = "retries.max.wait.ms";
    /** radstream's own key: the total retry budget of {@link RetryPolicy#maxTotalWait()}. */
    public static final String RETRIES_TOTAL_WAIT_CONFIG = "radstream.registry.retries.total.wait.ms";

    public RegistrySettings {
        if (url == null) {
            throw new IllegalArgumentException("schema registry url is required");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("schema registry url must be http(s)://host[:port][/path], was " + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("schema registry url must not carry credentials; use basic auth "
                    + "(RegistrySettings.of strips them from the URL)");
        }
        String s = url.toString();
        url = s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : url;
        basicAuthUserInfo = basicAuthUserInfo == null ? Optional.empty() : basicAuthUserInfo.filter(u -> !u.isEmpty());
        basicAuthUserInfo.ifPresent(RegistrySettings::checkUserInfo);
        tls = tls == null ? Optional.empty() : tls;
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        if (retry == null) {
            throw new IllegalArgumentException("retry policy is required");
        }
    }

    /**
     * Settings for {@code url} with the defaults. User info in the URL ({@code http://user:pw@host}) becomes
     * basic auth, as with Confluent's {@code basic.auth.credentials.source=URL}.
     */
    public static RegistrySettings of(String url) {
        URI uri = parseUrl(url);
        Optional<String> userInfo = Optional.ofNullable(uri.getUserInfo());
        return new RegistrySettings(withoutUserInfo(uri), userInfo, Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, RetryPolicy.DEFAULT);
    }

    public RegistrySettings withBasicAuth(String userInfo) {
        return new RegistrySettings(url, Optional.ofNullable(userInfo), tls, connectTimeout, requestTimeout, retry);
    }

    public RegistrySettings withTls(TlsSettings tlsSettings) {
        return new RegistrySettings(url, basicAuthUserInfo, Optional.ofNullable(tlsSettings), connectTimeout,
                requestTimeout, retry);
    }

    public RegistrySettings withTimeouts(Duration connect, Duration request) {
        return new RegistrySettings(url, basicAuthUserInfo, tls, connect, request, retry);
    }

    public RegistrySettings withRetry(RetryPolicy retryPolicy) {
        return new RegistrySettings(url, basicAuthUserInfo, tls, connectTimeout, requestTimeout, retryPolicy);
    }

    /**
     * Reads the Confluent client keys from a Kafka-style configuration map:
     * <ul>
     * <li>{@code schema.registry.url} (one URL; Confluent's comma-separated failover list is not supported)</li>
     * <li>{@code basic.auth.credentials.source} = {@code USER_INFO} (default) with {@code basic.auth.user.info}
     *     (or the older {@code schema.registry.basic.auth.user.info}), or {@code URL} (user info in the URL);
     *     {@code SASL_INHERIT} is rejected</li>
     * <li>{@code schema.registry.ssl.truststore.location|password|type},
     *     {@code schema.registry.ssl.keystore.location|password|type}, {@code schema.registry.ssl.key.password}</li>
     * <li>{@code http.connect.timeout.ms}, {@code http.read.timeout.ms}, {@code max.retries} (retries after the
     *     first attempt), {@code retries.wait.ms}, {@code retries.max.wait.ms}, and radstream's
     *     {@code radstream.registry.retries.total.wait.ms}</li>
     * </ul>
     * Every key may also carry the {@code schema.registry.} prefix. Unknown keys are ignored (the map is usually
     * a whole producer or Streams configuration).
     *
     * @throws IllegalArgumentException naming the key when a value is missing or invalid
     */
    public static RegistrySettings fromConfluentConfig(Map<String, ?> config) {
        String url = string(config, URL_CONFIG);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(URL_CONFIG + " is required (the schema registry's base URL)");
        }
        if (url.contains(",")) {
            throw new IllegalArgumentException(URL_CONFIG + " must be a single URL, was '" + url + "'");
        }
        URI uri = parseUrl(url.trim());
        String source = Optional.ofNullable(string(config, CREDENTIALS_SOURCE_CONFIG)).orElse("USER_INFO")
                .trim().toUpperCase(Locale.ROOT);
        Optional<String> userInfo = switch (source) {
            case "USER_INFO" -> Optional.ofNullable(string(config, USER_INFO_CONFIG))
                    .or(() -> Optional.ofNullable(string(config, LEGACY_USER_INFO_CONFIG)));
            case "URL" -> {
                if (uri.getUserInfo() == null) {
                    throw new IllegalArgumentException(CREDENTIALS_SOURCE_CONFIG + "=URL but " + URL_CONFIG
                            + " has no user:password@ part");
                }
                yield Optional.of(uri.getUserInfo());
            }
            default -> throw new IllegalArgumentException(CREDENTIALS_SOURCE_CONFIG + "=" + source
                    + " is not supported (use USER_INFO or URL)");
        };
        if (source.equals("USER_INFO") && uri.getUserInfo() != null && userInfo.isEmpty()) {
            userInfo = Optional.of(uri.getUserInfo());
        }
        RetryPolicy d = RetryPolicy.DEFAULT;
        RetryPolicy retry = new RetryPolicy(
                integer(config, MAX_RETRIES_CONFIG, d.maxAttempts() - 1) + 1,
                millis(config, RETRIES_WAIT_CONFIG, d.initialBackoff()),
                millis(config, RETRIES_MAX_WAIT_CONFIG, d.maxBackoff()),
                millis(config, RETRIES_TOTAL_WAIT_CONFIG, d.maxTotalWait()));
        return new RegistrySettings(withoutUserInfo(uri), userInfo, tlsFrom(config),
                millis(config, CONNECT_TIMEOUT_CONFIG, DEFAULT_CONNECT_TIMEOUT),
                millis(config, READ_TIMEOUT_CONFIG, DEFAULT_REQUEST_TIMEOUT), retry);
    }

    private static Optional<TlsSettings> tlsFrom(Map<String, ?> config) {
        String trustPath = string(config, SSL_PREFIX + "truststore.location");
        String keyPath = string(config, SSL_PREFIX + "keystore.location");
        if (isBlank(trustPath) && isBlank(keyPath)) {
            return Optional.empty();
        }
        TlsSettings.KeyStoreFile trust = isBlank(trustPath) ? null : new TlsSettings.KeyStoreFile(Path.of(trustPath),
                string(config, SSL_PREFIX + "truststore.password"), string(config, SSL_PREFIX + "truststore.type"));
        TlsSettings.KeyStoreFile key = isBlank(keyPath) ? null : new TlsSettings.KeyStoreFile(Path.of(keyPath),
                string(config, SSL_PREFIX + "keystore.password"), string(config, SSL_PREFIX + "keystore.type"));
        return Optional.of(new TlsSettings(trust, key, string(config, SSL_PREFIX + "key.password")));
    }

    /** Value of {@code key}, or of {@code schema.registry.}+key; Kafka's Password type is unwrapped. */
    private static String string(Map<String, ?> config, String key) {
        Object v = config.get(key);
        if (v == null && !key.startsWith("schema.registry.")) {
            v = config.get("schema.registry." + key);
        }
        if (v == null) {
            return null;
        }
        if (v instanceof org.apache.kafka.common.config.types.Password p) {
            return p.value();
        }
        return v.toString();
    }

    private static int integer(Map<String, ?> config, String key, int dflt) {
        String v = string(config, key);
        if (isBlank(v)) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a non-negative integer, was '" + v + "'");
        }
    }

    private static Duration millis(Map<String, ?> config, String key, Duration dflt) {
        String v = string(config, key);
        if (isBlank(v)) {
            return dflt;
        }
        try {
            long ms = Long.parseLong(v.trim());
            if (ms < 0) {
                throw new NumberFormatException("negative");
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a non-negative number of milliseconds, was '" + v + "'");
        }
    }

    private static URI parseUrl(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("schema registry url '" + url + "' is not a URL: " + e.getMessage(), e);
        }
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("schema registry url '" + uri + "' is not a URL: " + e.getMessage(), e);
        }
    }

    private static void checkUserInfo(String userInfo) {
        if (userInfo.indexOf(':') < 0) {
            throw new IllegalArgumentException("basic auth user info must be 'user:password' (no ':' found)");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("schema registry " + name + " must be a positive duration, was " + d);
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "RegistrySettings[url=" + url + ", basicAuth="
                + basicAuthUserInfo.map(u -> u.substring(0, u.indexOf(':')) + ":***").orElse("none")
                + ", tls=" + tls.map(TlsSettings::toString).orElse("default") + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", retry=" + retry + "]";
    }
}
