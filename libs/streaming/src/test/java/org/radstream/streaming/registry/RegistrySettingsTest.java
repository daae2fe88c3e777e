package org.radstream.streaming.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class RegistrySettingsTest {

    @Test
    void urlAloneGivesDefaults() {
        RegistrySettings s = RegistrySettings.fromConfluentConfig(Map.of("schema.registry.url", "http://h:8081/"));
        assertEquals(URI.create("http://h:8081"), s.url());
        assertEquals(Optional.empty(), s.basicAuthUserInfo());
        assertEquals(Optional.empty(), s.tls());
        assertEquals(RetryPolicy.DEFAULT, s.retry());
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
    }

    @Test
    void readsConfluentKeys() {
        RegistrySettings s = RegistrySettings.fromConfluentConfig(Map.of(
                "schema.registry.url", "https://reg.example:8443/apis/ccompat/v7",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "svc:s3cret",
                "schema.registry.ssl.truststore.location", "/etc/trust.p12",
                "schema.registry.ssl.truststore.password", new Password("tpw"),
                "schema.registry.ssl.keystore.location", "/etc/key.jks",
                "schema.registry.ssl.keystore.type", "JKS",
                "max.retries", "2", "retries.wait.ms", 50, "schema.registry.http.read.timeout.ms", "1500"));
        assertEquals(Optional.of("svc:s3cret"), s.basicAuthUserInfo());
        TlsSettings tls = s.tls().orElseThrow();
        assertEquals(Path.of("/etc/trust.p12"), tls.truststore().path());
        assertEquals("tpw", tls.truststore().password());
        assertEquals("PKCS12", tls.truststore().type());
        assertEquals("JKS", tls.keystore().type());
        assertEquals(3, s.retry().maxAttempts());
        assertEquals(Duration.ofMillis(50), s.retry().initialBackoff());
        assertEquals(Duration.ofMillis(1500), s.requestTimeout());
    }

    @Test
    void credentialsInUrlBecomeBasicAuthAndLeaveTheUrl() {
        RegistrySettings s = RegistrySettings.fromConfluentConfig(Map.of(
                "schema.registry.url", "http://u:p%40ss@h:8081", "basic.auth.credentials.source", "URL"));
        assertEquals(URI.create("http://h:8081"), s.url());
        assertEquals(Optional.of("u:p@ss"), s.basicAuthUserInfo());
        assertEquals(Optional.of("a:b"), RegistrySettings.of("http://a:b@h").basicAuthUserInfo());
    }

    @Test
    void badValuesNameTheKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegistrySettings.fromConfluentConfig(Map.of()))
                .getMessage().contains("schema.registry.url"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegistrySettings.fromConfluentConfig(Map.of(
                "schema.registry.url", "http://h", "basic.auth.credentials.source", "SASL_INHERIT")))
                .getMessage().contains("SASL_INHERIT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegistrySettings.fromConfluentConfig(Map.of(
                "schema.registry.url", "http://h", "max.retries", "lots"))).getMessage().contains("max.retries"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegistrySettings.fromConfluentConfig(Map.of(
                "schema.registry.url", "http://a,http://b"))).getMessage().contains("single URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegistrySettings.of("ftp://h"))
                .getMessage().contains("http(s)"));
        assertThrows(IllegalArgumentException.class, () -> RegistrySettings.of("http://h").withBasicAuth("nocolon"));
    }

    @Test
    void toStringNeverShowsSecrets() {
        RegistrySettings s = RegistrySettings.of("https://h").withBasicAuth("svc:s3cret")
                .withTls(new TlsSettings(new TlsSettings.KeyStoreFile(Path.of("/t"), "trustpw", null),
                        new TlsSettings.KeyStoreFile(Path.of("/k"), "keypw", null), "kpw"));
        String text = s.toString();
        for (String secret : List.of("s3cret", "trustpw", "keypw", "kpw")) {
            assertFalse(text.contains(secret), text);
        }
        assertTrue(text.contains("svc:***"), text);
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(700), Duration.ofSeconds(5));
        assertEquals(List.of(100L, 200L, 400L, 700L, 700L),
                IntStream.rangeClosed(1, 5).mapToObj(i -> p.backoffAfter(i).toMillis()).toList());
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void retriesOnlyTransientStatuses() {
        assertTrue(SchemaRegistryClient.retryable(503));
        assertTrue(SchemaRegistryClient.retryable(500));
        assertTrue(SchemaRegistryClient.retryable(408));
        assertTrue(SchemaRegistryClient.retryable(429));
        for (int status : new int[] {400, 401, 403, 404, 409, 422}) {
            assertFalse(SchemaRegistryClient.retryable(status), "status " + status);
        }
    }
}
