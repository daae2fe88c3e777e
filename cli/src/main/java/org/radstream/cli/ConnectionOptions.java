package org.radstream.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.radstream.streaming.config.ConfigKey;
import org.radstream.streaming.config.ConfigLoader;
import org.radstream.streaming.config.RadstreamConfig;

import picocli.CommandLine.Option;

/**
 * Connection flags shared by the commands that talk to a cluster (picocli mixin). Flags win over the
 * {@code RADSTREAM_*} environment variables, which win over the properties file, which wins over defaults;
 * security settings come from the environment or the file (docs/configuration.md).
 */
public final class ConnectionOptions {

    /** Upper bound of any one Admin call from the command line: an unreachable broker fails, never hangs. */
    static final int ADMIN_TIMEOUT_MS = 15_000;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (env RADSTREAM_BOOTSTRAP_SERVERS; default localhost:9092).")
    String bootstrap;

    @Option(names = "--registry", paramLabel = "URL",
            description = "Schema registry URL (env RADSTREAM_REGISTRY_URL; default http://localhost:8081).")
    String registry;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with connection and security settings (env RADSTREAM_CONFIG).")
    Path config;

    /** The validated configuration from these flags, the process environment and the file. */
    public RadstreamConfig load() {
        return load(System.getenv());
    }

    /** As {@link #load()}, with an explicit environment (tests). */
    public RadstreamConfig load(Map<String, String> env) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        if (bootstrap != null) {
            flags.put(ConfigKey.BOOTSTRAP_SERVERS, bootstrap);
        }
        if (registry != null) {
            flags.put(ConfigKey.REGISTRY_URL, registry);
        }
        return ConfigLoader.load(flags, config, env);
    }

    /** Admin client properties: the connection plus bounded timeouts. */
    static Properties adminProperties(RadstreamConfig config) {
        Properties p = config.toKafkaProperties();
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(ADMIN_TIMEOUT_MS));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(ADMIN_TIMEOUT_MS));
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "radstream-cli");
        return p;
    }
}
