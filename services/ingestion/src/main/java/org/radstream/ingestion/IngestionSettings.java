package org.radstream.ingestion;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.radstream.streaming.config.Secret;
import org.radstream.streaming.stage.OptionReader;
import org.radstream.streaming.stage.StageSettings;

/**
 * The ingestion stage's own validated settings, from its flags ({@link IngestionMain#FLAGS}: flag, variable
 * {@code RADSTREAM_INGESTION_*} and default of each); the common ones (blob store, schema registration, health
 * port) are the {@link StageSettings}'. Immutable; {@link #toString()} masks the key.
 *
 * @param folder        import folder, or null
 * @param watch         keep watching the folder
 * @param pollInterval  folder scan interval
 * @param quietPeriod   study completion quiet period
 * @param scpPort       C-STORE SCP port, or -1 for none
 * @param scpAeTitle    called AE title
 * @param spoolDir      C-STORE spool
 * @param httpHost      REST bind address
 * @param httpPort      REST port, or -1 for none
 * @param pseudonymKey  keyed-hash secret
 * @param clinicalRules plausibility limits
 */
public record IngestionSettings(Path folder, boolean watch, Duration pollInterval, Duration quietPeriod, int scpPort,
        String scpAeTitle, Path spoolDir, String httpHost, int httpPort, Secret pseudonymKey,
        ClinicalRules clinicalRules) {

    public IngestionSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        Objects.requireNonNull(pseudonymKey, "pseudonymKey");
        Objects.requireNonNull(clinicalRules, "clinicalRules");
    }

    /**
     * @throws org.radstream.streaming.config.ConfigException listing every invalid setting with its flag and source
     */
    public static IngestionSettings from(StageSettings s) {
        OptionReader r = s.reader();
        Path folder = s.optionalOption("folder").filter(f -> !f.isBlank()).map(Path::of).orElse(null);
        boolean watch = r.bool("watch");
        if (watch && folder == null) {
            r.problem("watch", "is true but no folder is set (--folder)");
        }
        Duration poll = r.duration("poll.interval");
        Duration quiet = r.duration("quiet.period");
        int scpPort = r.integer("scp.port", -1, 65535);
        int httpPort = r.integer("http.port", -1, 65535);
        String key = r.string("pseudonym.key");
        if (!key.isEmpty() && key.getBytes(StandardCharsets.UTF_8).length < Pseudonymiser.MIN_KEY_BYTES) {
            r.problem("pseudonym.key", "must be at least " + Pseudonymiser.MIN_KEY_BYTES + " bytes (value not shown)");
        }
        double albMin = r.number("alb.min");
        double albMax = r.number("alb.max");
        if (!(albMin >= 0 && albMin < albMax)) {
            r.problem("alb.max", "ALB range [" + albMin + ", " + albMax + "] must satisfy 0 <= min < max");
        }
        r.check();
        return new IngestionSettings(folder, watch, poll, quiet, scpPort, s.option("scp.ae.title"),
                Path.of(s.option("spool.dir")), s.option("http.host"), httpPort, new Secret(key),
                new ClinicalRules(albMin, albMax));
    }

    @Override
    public String toString() {
        return "folder = " + folder + (watch ? " (watched every " + pollInterval + ")" : "")
                + "\nquiet period = " + quietPeriod
                + "\nC-STORE SCP = " + (scpPort < 0 ? "off" : scpAeTitle + "@" + scpPort)
                + "\nREST = " + (httpPort < 0 ? "off" : httpHost + ":" + httpPort)
                + "\nspool = " + spoolDir
                + "\nALB range = [" + clinicalRules.albMinGPerL() + ", " + clinicalRules.albMaxGPerL() + "] g/L"
                + "\npseudonym key = " + pseudonymKey;
    }
}
