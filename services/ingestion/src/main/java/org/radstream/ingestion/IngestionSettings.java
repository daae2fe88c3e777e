package org.radstream.ingestion;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.radstream.streaming.config.ConfigException;
import org.radstream.streaming.config.ConfigSource;
import org.radstream.streaming.config.Secret;
import org.radstream.streaming.runtime.RunnerSettings;

/**
 * The ingestion service's validated settings (see {@link IngestionKey} for each one's flag, variable and
 * default). Immutable; {@link #toString()} masks the key.
 *
 * @param folder          import folder, or null
 * @param watch           keep watching the folder
 * @param pollInterval    folder scan interval
 * @param quietPeriod     study completion quiet period
 * @param scpPort         C-STORE SCP port, or -1 for none
 * @param scpAeTitle      called AE title
 * @param spoolDir        C-STORE spool
 * @param blobDir         blob store root
 * @param httpHost        REST bind address
 * @param httpPort        REST port, or -1 for none
 * @param pseudonymKey    keyed-hash secret
 * @param clinicalRules   plausibility limits
 * @param registerSchemas register event schemas on first use
 * @param runner          health endpoint and shutdown timeout
 */
public record IngestionSettings(Path folder, boolean watch, Duration pollInterval, Duration quietPeriod, int scpPort,
        String scpAeTitle, Path spoolDir, Path blobDir, String httpHost, int httpPort, Secret pseudonymKey,
        ClinicalRules clinicalRules, boolean registerSchemas, RunnerSettings runner) {

    /**
     * @param flags values from the command line by key
     * @param env   the environment
     * @throws ConfigException listing every invalid setting with its source
     */
    public static IngestionSettings load(Map<IngestionKey, String> flags, Map<String, String> env) {
        Map<IngestionKey, String> v = new EnumMap<>(IngestionKey.class);
        Map<IngestionKey, ConfigSource> src = new EnumMap<>(IngestionKey.class);
        for (IngestionKey k : IngestionKey.values()) {
            if (k.defaultValue() != null) {
                v.put(k, k.defaultValue());
                src.put(k, ConfigSource.defaults());
            }
            String e = env.get(k.envVar());
            if (e != null && !e.isBlank()) {
                v.put(k, e.trim());
                src.put(k, ConfigSource.env(k.envVar()));
            }
            String f = flags.get(k);
            if (f != null) {
                v.put(k, f.trim());
                src.put(k, ConfigSource.flag(k.flag()));
            }
        }
        List<ConfigException.Problem> problems = new ArrayList<>();
        Parser p = new Parser(v, src, problems);
        Path folder = v.get(IngestionKey.FOLDER) == null ? null : Path.of(v.get(IngestionKey.FOLDER));
        boolean watch = p.bool(IngestionKey.WATCH);
        if (watch && folder == null) {
            p.problem(IngestionKey.WATCH, "is true but no folder is set (" + IngestionKey.FOLDER.flag() + ")");
        }
        Duration poll = p.duration(IngestionKey.POLL_INTERVAL);
        Duration quiet = p.duration(IngestionKey.QUIET_PERIOD);
        int scpPort = p.port(IngestionKey.SCP_PORT, true);
        int httpPort = p.port(IngestionKey.HTTP_PORT, true);
        int healthPort = p.port(IngestionKey.HEALTH_PORT, false);
        String key = v.get(IngestionKey.PSEUDONYM_KEY);
        if (key == null) {
            p.problem(IngestionKey.PSEUDONYM_KEY, "is required (set " + IngestionKey.PSEUDONYM_KEY.envVar() + ")");
        } else if (key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < Pseudonymiser.MIN_KEY_BYTES) {
            p.problem(IngestionKey.PSEUDONYM_KEY, "must be at least " + Pseudonymiser.MIN_KEY_BYTES + " bytes (value not shown)");
        }
        double albMin = p.number(IngestionKey.ALB_MIN);
        double albMax = p.number(IngestionKey.ALB_MAX);
        if (!(albMin >= 0 && albMin < albMax)) {
            p.problem(IngestionKey.ALB_MAX, "ALB range [" + albMin + ", " + albMax + "] must satisfy 0 <= min < max");
        }
        boolean register = p.bool(IngestionKey.REGISTER_SCHEMAS);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new IngestionSettings(folder, watch, poll, quiet, scpPort, v.get(IngestionKey.SCP_AE_TITLE),
                Path.of(v.get(IngestionKey.SPOOL_DIR)), Path.of(v.get(IngestionKey.BLOB_DIR)),
                v.get(IngestionKey.HTTP_HOST), httpPort, new Secret(key), new ClinicalRules(albMin, albMax), register,
                RunnerSettings.DEFAULTS.withHealthHost(v.get(IngestionKey.HEALTH_HOST)).withHealthPort(healthPort));
    }

    private record Parser(Map<IngestionKey, String> v, Map<IngestionKey, ConfigSource> src,
            List<ConfigException.Problem> problems) {

        void problem(IngestionKey k, String reason) {
            problems.add(new ConfigException.Problem(k.flag(), src.getOrDefault(k, ConfigSource.defaults()), reason));
        }

        boolean bool(IngestionKey k) {
            String s = v.get(k).toLowerCase(Locale.ROOT);
            if (!s.equals("true") && !s.equals("false")) {
                problem(k, "'" + v.get(k) + "' is not true or false");
            }
            return s.equals("true");
        }

        Duration duration(IngestionKey k) {
            try {
                Duration d = Duration.parse(v.get(k));
                if (d.isNegative() || d.isZero()) {
                    problem(k, "must be positive");
                    return Duration.ofSeconds(1);
                }
                return d;
            } catch (DateTimeParseException e) {
                problem(k, "'" + v.get(k) + "' is not an ISO-8601 duration such as PT10S");
                return Duration.ofSeconds(1);
            }
        }

        int port(IngestionKey k, boolean offAllowed) {
            try {
                int port = Integer.parseInt(v.get(k));
                if (port < (offAllowed ? -1 : 0) || port > 65535) {
                    problem(k, port + " is outside " + (offAllowed ? "-1 (off), " : "") + "0..65535");
                }
                return port;
            } catch (NumberFormatException e) {
                problem(k, "'" + v.get(k) + "' is not a port number");
                return -1;
            }
        }

        double number(IngestionKey k) {
            try {
                return Double.parseDouble(v.get(k));
            } catch (NumberFormatException e) {
                problem(k, "'" + v.get(k) + "' is not a number");
                return Double.NaN;
            }
        }
    }
}
