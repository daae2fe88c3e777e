package org.radstream.ingestion;

import java.util.Locale;
import java.util.Optional;

/**
 * The ingestion service's own settings (the Kafka/registry connection is {@link
 * org.radstream.streaming.config.ConfigKey}): flag, environment variable, default and meaning. Precedence:
 * flag &gt; environment variable &gt; default.
 */
public enum IngestionKey {
    FOLDER("folder", null, "Import folder (cohort layout: patients/<study>/..., clinical.csv, outcomes.csv); unset = none."),
    WATCH("watch", "false", "true = keep watching the folder and import what appears; false = import it once at start."),
    POLL_INTERVAL("poll.interval", "PT2S", "How often the watched folder is scanned (ISO-8601 duration)."),
    QUIET_PERIOD("quiet.period", "PT10S", "A study is complete when nothing new arrived for this long (C-STORE and watched folder)."),
    SCP_PORT("scp.port", "11112", "DICOM C-STORE SCP port; -1 = no SCP."),
    SCP_AE_TITLE("scp.ae.title", "RADSTREAM", "Called AE title of the SCP."),
    SPOOL_DIR("spool.dir", "spool", "Where C-STORE instances wait for their study to complete; rejected studies are kept under rejected/."),
    BLOB_DIR("blob.dir", "blobs", "Root of the filesystem blob store (shared with the other stages)."),
    HTTP_HOST("http.host", "0.0.0.0", "Bind address of the REST endpoint for clinical records and outcomes."),
    HTTP_PORT("http.port", "8090", "Port of the REST endpoint; -1 = none."),
    PSEUDONYM_KEY("pseudonym.key", null, "Secret key (>= 32 bytes) of the keyed hash that turns patient IDs into caseIds. Required. Secret: never printed."),
    ALB_MIN("alb.min", "10", "Lowest plausible serum albumin, g/L; lower values are dead-lettered (ALB_OUT_OF_RANGE)."),
    ALB_MAX("alb.max", "70", "Highest plausible serum albumin, g/L."),
    REGISTER_SCHEMAS("register.schemas", "true", "true = register event schemas on first use; false = look them up only (production)."),
    HEALTH_HOST("health.host", "0.0.0.0", "Bind address of /health/live, /health/ready and /metrics."),
    HEALTH_PORT("health.port", "8080", "Port of the health and metrics endpoint; 0 = any free port.");

    private final String name;
    private final String defaultValue;
    private final String meaning;

    IngestionKey(String name, String defaultValue, String meaning) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    /** Flag: {@code --} + the name with dots as dashes, e.g. {@code --scp-port}. */
    public String flag() {
        return "--" + name.replace('.', '-');
    }

    /** Environment variable: {@code RADSTREAM_INGESTION_} + the name upper-cased, e.g. {@code RADSTREAM_INGESTION_SCP_PORT}. */
    public String envVar() {
        return "RADSTREAM_INGESTION_" + name.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String meaning() {
        return meaning;
    }

    public boolean secret() {
        return this == PSEUDONYM_KEY;
    }

    public static Optional<IngestionKey> byFlag(String flag) {
        for (IngestionKey k : values()) {
            if (k.flag().equals(flag)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
