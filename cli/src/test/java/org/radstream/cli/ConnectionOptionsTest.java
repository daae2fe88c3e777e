package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.streaming.config.ConfigException;
import org.radstream.streaming.config.RadstreamConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConnectionOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        ConnectionOptions connection;
    }

    private static ConnectionOptions parse(String... args) {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p.connection;
    }

    @Test
    void flagsOverrideEnvAndFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.properties"),
                "bootstrap.servers=file:9092\nregistry.url=http://file:8081\nsecurity.protocol=SASL_PLAINTEXT\n"
                        + "sasl.mechanism=PLAIN\nsasl.jaas.config=x required;\n");
        RadstreamConfig c = parse("--bootstrap", "flag:9092", "--config", file.toString())
                .load(Map.of("RADSTREAM_BOOTSTRAP_SERVERS", "env:9092", "RADSTREAM_REGISTRY_URL", "http://env:8081"));
        assertEquals("flag:9092", c.bootstrapServers());
        assertEquals("http://env:8081", c.registryUrl());
        assertEquals("PLAIN", c.toKafkaProperties().get("sasl.mechanism"), "security from the file");
        var admin = ConnectionOptions.adminProperties(c);
        assertEquals("15000", admin.get("default.api.timeout.ms"));
        assertEquals("SASL_PLAINTEXT", admin.get("security.protocol"));
    }

    @Test
    void registryFlagAndValidationErrorsNameTheFlag() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("--registry", "localhost:8081").load(Map.of()));
        assertTrue(e.getMessage().contains("registry.url (from flag --registry): 'localhost:8081' is not an http:// or https:// URL"),
                e.getMessage());
    }
}
