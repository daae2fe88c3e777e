package org.radstream.streaming.config;

/** The configuration table of {@code docs/configuration.md}, generated from {@link ConfigKey}. */
public final class ConfigDocs {

    private ConfigDocs() {
    }

    /** Markdown table: key, environment variable, flag, default, meaning. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| key (properties file) | environment variable | flag | default | meaning |\n");
        sb.append("|---|---|---|---|---|\n");
        sb.append("| — | `").append(ConfigKey.CONFIG_FILE_ENV).append("` | `").append(ConfigKey.CONFIG_FILE_FLAG)
                .append("` | — | Properties file with any of the keys below. |\n");
        for (ConfigKey k : ConfigKey.values()) {
            sb.append("| `").append(k.property()).append("` | `").append(k.envVar()).append("` | ")
                    .append(k.flag() == null ? "—" : "`" + k.flag() + "`").append(" | ")
                    .append(k.defaultValue() == null ? "(unset)" : "`" + k.defaultValue() + "`").append(" | ")
                    .append(k.meaning()).append(k.secret() ? " Secret: never printed." : "").append(" |\n");
        }
        return sb.toString();
    }
}
