package org.radstream.streaming.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * Loads {@link RadstreamConfig} with precedence <b>flags &gt; environment variables &gt; properties file
 * &gt; defaults</b>, and validates it once. Every problem is collected and reported together, each naming
 * the key, where the value came from and why it is wrong.
 *
 * <p>The properties file is named by {@code --config} or else {@code RADSTREAM_CONFIG}; its keys are the
 * {@link ConfigKey#property()} names, and an unknown key is an error (a typo must not be silently ignored).
 * An environment variable set to the empty string counts as unset.
 */
public final class ConfigLoader {

    private static final Set<String> STORE_TYPES = Set.of("JKS", "PKCS12", "PEM");
    private static final Set<String> SASL_MECHANISMS =
            Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI", "OAUTHBEARER");

    private ConfigLoader() {
    }

    /**
     * @param flags      values given on the command line (only keys with a flag, usually)
     * @param configFile the {@code --config} file, or null
     * @param env        the environment (pass {@code System.getenv()}; tests pass a map)
     * @throws ConfigException listing every invalid or unreadable setting
     */
    public static RadstreamConfig load(Map<ConfigKey, String> flags, Path configFile, Map<String, String> env) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, ConfigSource> sources = new EnumMap<>(ConfigKey.class);

        // lowest precedence first; later layers overwrite
        for (ConfigKey k : ConfigKey.values()) {
            if (k.defaultValue() != null) {
                values.put(k, k.defaultValue());
                sources.put(k, ConfigSource.defaults());
            }
        }
        Path file = configFile;
        ConfigSource fileNamedBy = ConfigSource.flag(ConfigKey.CONFIG_FILE_FLAG);
        if (file == null && present(env.get(ConfigKey.CONFIG_FILE_ENV))) {
            file = Path.of(env.get(ConfigKey.CONFIG_FILE_ENV));
            fileNamedBy = ConfigSource.env(ConfigKey.CONFIG_FILE_ENV);
        }
        if (file != null) {
            readFile(file, fileNamedBy, values, sources, problems);
        }
        for (ConfigKey k : ConfigKey.values()) {
            String v = env.get(k.envVar());
            if (present(v)) {
                values.put(k, v.trim());
                sources.put(k, ConfigSource.env(k.envVar()));
            }
        }
        flags.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v.trim());
                sources.put(k, ConfigSource.flag(k.flag() == null ? k.property() : k.flag()));
            }
        });
        return validate(values, sources, problems);
    }

    private static void readFile(Path file, ConfigSource namedBy, Map<ConfigKey, String> values,
            Map<ConfigKey, ConfigSource> sources, List<ConfigException.Problem> problems) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new ConfigException.Problem(ConfigKey.CONFIG_FILE_ENV.equals(namedBy.detail())
                    ? ConfigKey.CONFIG_FILE_ENV : ConfigKey.CONFIG_FILE_FLAG, namedBy,
                    "cannot read properties file " + file + ": " + e));
            return;
        }
        ConfigSource src = ConfigSource.file(file);
        for (String name : p.stringPropertyNames()) {
            var key = ConfigKey.byProperty(name);
            if (key.isEmpty()) {
                problems.add(new ConfigException.Problem(name, src, "unknown key (known: "
                        + String.join(", ", java.util.Arrays.stream(ConfigKey.values()).map(ConfigKey::property).toList()) + ")"));
            } else if (present(p.getProperty(name))) {
                values.put(key.get(), p.getProperty(name).trim());
                sources.put(key.get(), src);
            }
        }
    }

    private static RadstreamConfig validate(Map<ConfigKey, String> v, Map<ConfigKey, ConfigSource> src,
            List<ConfigException.Problem> problems) {
        Checker c = new Checker(v, src, problems);

        String bootstrap = v.get(ConfigKey.BOOTSTRAP_SERVERS);
        if (bootstrap == null) {
            c.problem(ConfigKey.BOOTSTRAP_SERVERS, "is required");
        } else {
            for (String hp : bootstrap.split(",", -1)) {
                String reason = hostPortProblem(hp.trim());
                if (reason != null) {
                    c.problem(ConfigKey.BOOTSTRAP_SERVERS, "'" + hp.trim() + "' " + reason
                            + " (expected HOST:PORT[,HOST:PORT...])");
                }
            }
        }

        String registry = v.get(ConfigKey.REGISTRY_URL);
        if (registry == null) {
            c.problem(ConfigKey.REGISTRY_URL, "is required");
        } else {
            String reason = urlProblem(registry);
            if (reason != null) {
                c.problem(ConfigKey.REGISTRY_URL, "'" + registry + "' " + reason);
            }
        }
        String basicAuth = v.get(ConfigKey.REGISTRY_BASIC_AUTH_USER_INFO);
        if (basicAuth != null && (basicAuth.indexOf(':') < 1)) {
            c.problem(ConfigKey.REGISTRY_BASIC_AUTH_USER_INFO, "must be USER:PASSWORD (value not shown)");
        }

        SecurityProtocol protocol = SecurityProtocol.PLAINTEXT;
        String protocolText = v.get(ConfigKey.SECURITY_PROTOCOL);
        if (protocolText != null) {
            try {
                protocol = SecurityProtocol.forName(protocolText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                c.problem(ConfigKey.SECURITY_PROTOCOL, "'" + protocolText
                        + "' is not one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
            }
        }
        boolean sasl = protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL;
        String mechanism = v.get(ConfigKey.SASL_MECHANISM);
        if (sasl) {
            if (mechanism == null) {
                c.problem(ConfigKey.SASL_MECHANISM, "is required with security.protocol=" + protocol.name);
            } else if (!SASL_MECHANISMS.contains(mechanism.toUpperCase(Locale.ROOT))) {
                c.problem(ConfigKey.SASL_MECHANISM, "'" + mechanism + "' is not one of " + sorted(SASL_MECHANISMS));
            } else if (!"GSSAPI".equalsIgnoreCase(mechanism) && v.get(ConfigKey.SASL_JAAS_CONFIG) == null) {
                c.problem(ConfigKey.SASL_JAAS_CONFIG, "is required with sasl.mechanism=" + mechanism);
            }
        } else {
            // set but unused would be silently ignored: say so instead
            c.notAllowedWith(ConfigKey.SASL_MECHANISM, protocol);
            c.notAllowedWith(ConfigKey.SASL_JAAS_CONFIG, protocol);
        }

        c.storeType(ConfigKey.SSL_TRUSTSTORE_TYPE);
        c.storeType(ConfigKey.SSL_KEYSTORE_TYPE);
        c.readableFile(ConfigKey.SSL_TRUSTSTORE_LOCATION);
        c.readableFile(ConfigKey.SSL_KEYSTORE_LOCATION);
        c.requires(ConfigKey.SSL_TRUSTSTORE_PASSWORD, ConfigKey.SSL_TRUSTSTORE_LOCATION);
        c.requires(ConfigKey.SSL_KEYSTORE_PASSWORD, ConfigKey.SSL_KEYSTORE_LOCATION);
        c.requires(ConfigKey.SSL_KEY_PASSWORD, ConfigKey.SSL_KEYSTORE_LOCATION);
        c.requires(ConfigKey.SSL_KEYSTORE_TYPE, ConfigKey.SSL_KEYSTORE_LOCATION);
        c.requires(ConfigKey.SSL_TRUSTSTORE_TYPE, ConfigKey.SSL_TRUSTSTORE_LOCATION);
        if (!(protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL)) {
            c.notAllowedWith(ConfigKey.SSL_KEYSTORE_LOCATION, protocol); // mutual TLS is for brokers only
        }

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new RadstreamConfig(bootstrap.trim(), stripTrailingSlash(registry),
                secret(v, ConfigKey.REGISTRY_BASIC_AUTH_USER_INFO), protocol,
                mechanism == null ? null : mechanism.toUpperCase(Locale.ROOT), secret(v, ConfigKey.SASL_JAAS_CONFIG),
                path(v, ConfigKey.SSL_TRUSTSTORE_LOCATION), secret(v, ConfigKey.SSL_TRUSTSTORE_PASSWORD),
                upper(v.get(ConfigKey.SSL_TRUSTSTORE_TYPE)),
                path(v, ConfigKey.SSL_KEYSTORE_LOCATION), secret(v, ConfigKey.SSL_KEYSTORE_PASSWORD),
                upper(v.get(ConfigKey.SSL_KEYSTORE_TYPE)), secret(v, ConfigKey.SSL_KEY_PASSWORD), src);
    }

    /** Why {@code hp} is not HOST:PORT, or null when it is. */
    static String hostPortProblem(String hp) {
        int colon = hp.lastIndexOf(':');
        if (hp.isEmpty()) {
            return "is empty";
        }
        if (colon <= 0 || colon == hp.length() - 1) {
            return "has no port";
        }
        try {
            int port = Integer.parseInt(hp.substring(colon + 1));
            if (port < 1 || port > 65535) {
                return "has port " + port + " outside 1..65535";
            }
        } catch (NumberFormatException e) {
            return "has a port that is not a number";
        }
        return null;
    }

    private static String urlProblem(String url) {
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                return "is not an http:// or https:// URL";
            }
            if (u.getHost() == null) {
                return "has no host";
            }
            if (u.getUserInfo() != null) {
                return "contains credentials; use registry.basic.auth.user.info";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL: " + e.getReason();
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static Secret secret(Map<ConfigKey, String> v, ConfigKey k) {
        return v.get(k) == null ? null : new Secret(v.get(k));
    }

    private static Path path(Map<ConfigKey, String> v, ConfigKey k) {
        return v.get(k) == null ? null : Path.of(v.get(k));
    }

    private static String sorted(Set<String> s) {
        return String.join(", ", s.stream().sorted().toList());
    }

    /** Collects problems for keys, naming each value's source. */
    private record Checker(Map<ConfigKey, String> v, Map<ConfigKey, ConfigSource> src,
            List<ConfigException.Problem> problems) {

        void problem(ConfigKey k, String reason) {
            problems.add(new ConfigException.Problem(k.property(), src.getOrDefault(k, ConfigSource.defaults()), reason));
        }

        void notAllowedWith(ConfigKey k, SecurityProtocol protocol) {
            if (v.get(k) != null) {
                problem(k, "is set but security.protocol=" + protocol.name + " does not use it");
            }
        }

        void requires(ConfigKey k, ConfigKey needed) {
            if (v.get(k) != null && v.get(needed) == null) {
                problem(k, "is set but " + needed.property() + " is not");
            }
        }

        void storeType(ConfigKey k) {
            String t = v.get(k);
            if (t != null && !STORE_TYPES.contains(t.toUpperCase(Locale.ROOT))) {
                problem(k, "'" + t + "' is not one of JKS, PKCS12, PEM");
            }
        }

        void readableFile(ConfigKey k) {
            String f = v.get(k);
            if (f != null) {
                Path p = Path.of(f);
                if (!Files.isRegularFile(p)) {
                    problem(k, "file " + f + " does not exist");
                } else if (!Files.isReadable(p)) {
                    problem(k, "file " + f + " is not readable");
                }
            }
        }
    }
}
