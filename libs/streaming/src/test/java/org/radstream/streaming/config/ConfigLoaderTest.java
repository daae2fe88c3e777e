package org.radstream.streaming.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void defaultsWhenNothingIsGiven() {
        RadstreamConfig c = ConfigLoader.load(Map.of(), null, Map.of());
        assertEquals("localhost:9092", c.bootstrapServers());
        assertEquals("http://localhost:8081", c.registryUrl());
        assertEquals(SecurityProtocol.PLAINTEXT, c.securityProtocol());
        assertEquals(ConfigSource.Kind.DEFAULT, c.sources().get(ConfigKey.BOOTSTRAP_SERVERS).kind());
        Properties p = c.toKafkaProperties();
        assertEquals(Map.of("bootstrap.servers", "localhost:9092", "security.protocol", "PLAINTEXT"), p);
    }

    @Test
    void flagsBeatEnvBeatFileBeatDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("radstream.properties");
        Files.writeString(file, "bootstrap.servers=file:1\nregistry.url=http://file:1\nsecurity.protocol=SSL\n");
        Map<String, String> env = Map.of("RADSTREAM_CONFIG", file.toString(),
                "RADSTREAM_BOOTSTRAP_SERVERS", "env:2", "RADSTREAM_REGISTRY_URL", "http://env:2/apis/ccompat/v7/");
        RadstreamConfig c = ConfigLoader.load(Map.of(ConfigKey.BOOTSTRAP_SERVERS, "flag:3"), null, env);
        assertEquals("flag:3", c.bootstrapServers());
        assertEquals("http://env:2/apis/ccompat/v7", c.registryUrl(), "env over file, trailing slash removed");
        assertEquals(SecurityProtocol.SSL, c.securityProtocol(), "file over default");
        assertEquals("flag --bootstrap", c.sources().get(ConfigKey.BOOTSTRAP_SERVERS).toString());
        assertEquals("env RADSTREAM_REGISTRY_URL", c.sources().get(ConfigKey.REGISTRY_URL).toString());
        assertEquals("file " + file, c.sources().get(ConfigKey.SECURITY_PROTOCOL).toString());
    }

    @Test
    void configFlagBeatsConfigEnvAndEmptyEnvIsUnset(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.properties"), "bootstrap.servers=a:1\n");
        Path b = Files.writeString(dir.resolve("b.properties"), "bootstrap.servers=b:1\n");
        RadstreamConfig c = ConfigLoader.load(Map.of(), a,
                Map.of("RADSTREAM_CONFIG", b.toString(), "RADSTREAM_BOOTSTRAP_SERVERS", " "));
        assertEquals("a:1", c.bootstrapServers());
    }

    @Test
    void errorsNameKeySourceAndReasonAllAtOnce(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.properties"), "bootstrap.server=x:1\nregistry.url=ftp://r\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(
                Map.of(ConfigKey.BOOTSTRAP_SERVERS, "broker1:9092,broker2"), file,
                Map.of("RADSTREAM_SECURITY_PROTOCOL", "TLS")));
        String m = e.getMessage();
        assertEquals(4, e.problems().size(), m);
        assertTrue(m.contains("bootstrap.servers (from flag --bootstrap): 'broker2' has no port"), m);
        assertTrue(m.contains("bootstrap.server (from file " + file + "): unknown key"), m);
        assertTrue(m.contains("registry.url (from file " + file + "): 'ftp://r' is not an http:// or https:// URL"), m);
        assertTrue(m.contains("security.protocol (from env RADSTREAM_SECURITY_PROTOCOL): 'TLS' is not one of"), m);
    }

    @Test
    void missingConfigFileIsAnErrorNamingWhoNamedIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.properties");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of(), null, Map.of("RADSTREAM_CONFIG", missing.toString())));
        assertTrue(e.getMessage().contains("RADSTREAM_CONFIG (from env RADSTREAM_CONFIG): cannot read properties file "
                + missing), e.getMessage());
    }

    @Test
    void saslNeedsMechanismAndJaasAndUnusedSaslIsReported() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(), null,
                Map.of("RADSTREAM_SECURITY_PROTOCOL", "SASL_SSL", "RADSTREAM_SASL_MECHANISM", "SCRAM-SHA-512")));
        assertTrue(e.getMessage().contains("sasl.jaas.config (from default): is required with sasl.mechanism=SCRAM-SHA-512"),
                e.getMessage());
        ConfigException unused = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(), null,
                Map.of("RADSTREAM_SASL_MECHANISM", "PLAIN")));
        assertTrue(unused.getMessage().contains(
                "sasl.mechanism (from env RADSTREAM_SASL_MECHANISM): is set but security.protocol=PLAINTEXT does not use it"),
                unused.getMessage());
    }

    @Test
    void secureClientPropertiesAndSecretsNeverPrinted(@TempDir Path dir) throws Exception {
        Path trust = Files.writeString(dir.resolve("trust.p12"), "not really a store");
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\" password=\"hunter2\";";
        RadstreamConfig c = ConfigLoader.load(Map.of(), null, Map.of(
                "RADSTREAM_SECURITY_PROTOCOL", "sasl_ssl",
                "RADSTREAM_SASL_MECHANISM", "SCRAM-SHA-512",
                "RADSTREAM_SASL_JAAS_CONFIG", jaas,
                "RADSTREAM_SSL_TRUSTSTORE_LOCATION", trust.toString(),
                "RADSTREAM_SSL_TRUSTSTORE_PASSWORD", "trustpass",
                "RADSTREAM_SSL_TRUSTSTORE_TYPE", "pkcs12",
                "RADSTREAM_REGISTRY_BASIC_AUTH_USER_INFO", "reg:regpass"));
        Properties p = c.toKafkaProperties();
        assertEquals("SASL_SSL", p.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", p.get("sasl.mechanism"));
        assertEquals(jaas, p.get("sasl.jaas.config"));
        assertEquals(trust.toString(), p.get("ssl.truststore.location"));
        assertEquals("trustpass", p.get("ssl.truststore.password"));
        assertEquals("PKCS12", p.get("ssl.truststore.type"));
        assertFalse(p.containsKey("registry.basic.auth.user.info"), "registry settings are not Kafka client settings");
        assertEquals("reg:regpass", c.registryBasicAuth().reveal());
        for (String printed : new String[] {c.toString(), c.describe()}) {
            for (String secret : new String[] {"hunter2", "trustpass", "regpass"}) {
                assertFalse(printed.contains(secret), "secret printed: " + printed);
            }
        }
        assertTrue(c.describe().contains("sasl.jaas.config = ****** (env RADSTREAM_SASL_JAAS_CONFIG)"), c.describe());
    }

    @Test
    void trustStoreMustExistAndPasswordsNeedTheirStore(@TempDir Path dir) {
        Path missing = dir.resolve("missing.jks");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(), null, Map.of(
                "RADSTREAM_SECURITY_PROTOCOL", "SSL",
                "RADSTREAM_SSL_TRUSTSTORE_LOCATION", missing.toString(),
                "RADSTREAM_SSL_KEYSTORE_PASSWORD", "x")));
        assertTrue(e.getMessage().contains("ssl.truststore.location (from env RADSTREAM_SSL_TRUSTSTORE_LOCATION): file "
                + missing + " does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("ssl.keystore.password (from env RADSTREAM_SSL_KEYSTORE_PASSWORD): is set but "
                + "ssl.keystore.location is not"), e.getMessage());
        assertFalse(e.getMessage().contains("=x"), "secret value printed");
    }

    @Test
    void registryClientConfigUsesConfluentKeys(@TempDir Path dir) throws Exception {
        Path trust = Files.writeString(dir.resolve("trust.p12"), "x");
        RadstreamConfig c = ConfigLoader.load(Map.of(ConfigKey.REGISTRY_URL, "https://reg.example.org:8443"), null, Map.of(
                "RADSTREAM_REGISTRY_BASIC_AUTH_USER_INFO", "svc:pw",
                "RADSTREAM_SSL_TRUSTSTORE_LOCATION", trust.toString(),
                "RADSTREAM_SSL_TRUSTSTORE_PASSWORD", "tp"));
        assertEquals(Map.of("schema.registry.url", "https://reg.example.org:8443",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "svc:pw",
                "schema.registry.ssl.truststore.location", trust.toString(),
                "schema.registry.ssl.truststore.password", "tp"), c.registryClientConfig());
        assertEquals(Map.of("schema.registry.url", "http://localhost:8081"),
                ConfigLoader.load(Map.of(), null, Map.of()).registryClientConfig());
    }

    @Test
    void envVarNamesFollowTheProperty() {
        assertEquals("RADSTREAM_BOOTSTRAP_SERVERS", ConfigKey.BOOTSTRAP_SERVERS.envVar());
        assertEquals("RADSTREAM_SSL_TRUSTSTORE_LOCATION", ConfigKey.SSL_TRUSTSTORE_LOCATION.envVar());
        assertNull(ConfigKey.SASL_MECHANISM.defaultValue());
    }
}
