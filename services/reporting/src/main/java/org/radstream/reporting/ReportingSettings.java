package org.radstream.reporting;

import java.time.Duration;
import java.util.List;

import org.radstream.streaming.stage.StageFlag;
import org.radstream.streaming.stage.StageSettings;

/**
 * The reporting stage's own settings (besides the common stage flags).
 *
 * @param modelWait     how long a RiskScore whose model version is not yet known waits for it on the models topic
 *                      before it goes to the DLQ ({@code --model-wait-ms}, default 10000)
 * @param catalogueWait how long, after a start, the stage waits for its model catalogue to read the models topic
 *                      to its end before it judges a version unknown ({@code --catalogue-wait-ms}, default 60000)
 */
record ReportingSettings(Duration modelWait, Duration catalogueWait) {
    static final StageFlag MODEL_WAIT = new StageFlag("model.wait.ms", "10000",
            "Milliseconds a RiskScore of a not-yet-seen model version waits for that version before the DLQ (MODEL_VERSION_UNKNOWN).");
    static final StageFlag CATALOGUE_WAIT = new StageFlag("catalogue.wait.ms", "60000",
            "Milliseconds after a start to wait for the models topic to be read to its end before a version counts as unknown.");
    static final List<StageFlag> FLAGS = List.of(MODEL_WAIT, CATALOGUE_WAIT);

    static final ReportingSettings DEFAULT = new ReportingSettings(Duration.ofSeconds(10), Duration.ofSeconds(60));

    ReportingSettings {
        if (modelWait.isNegative() || catalogueWait.isNegative()) {
            throw new IllegalArgumentException("reporting: waits must not be negative");
        }
    }

    /** @throws IllegalArgumentException naming the flag and the bad value */
    static ReportingSettings of(StageSettings s) {
        return new ReportingSettings(millis(s, MODEL_WAIT), millis(s, CATALOGUE_WAIT));
    }

    private static Duration millis(StageSettings s, StageFlag f) {
        String v = s.option(f.name());
        try {
            long ms = Long.parseLong(v.trim());
            if (ms >= 0) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(f.flag() + ": '" + v + "' is not a number of milliseconds >= 0");
    }
}
