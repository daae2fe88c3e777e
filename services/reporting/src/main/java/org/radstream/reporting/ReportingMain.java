package org.radstream.reporting;

import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.stage.StageDefinition;
import org.radstream.streaming.stage.StageMain;
import org.radstream.streaming.stage.StageSettings;

/**
 * {@code main} of the reporting stage: {@code radstream.risk.scores.v1} → one HTML case report per RiskScore,
 * {@code radstream.models.v1} → one HTML model report per version, written to the blob store
 * ({@code reports/cases/<caseId>/<model>-v<version>.html}, {@code reports/models/<model>/v<version>/index.html})
 * and announced on {@code radstream.reports.v1} (ReportReady). Scales by running more instances with the same
 * {@code --group}. Flags and start-up: {@link StageMain}; own flags: {@link ReportingSettings}.
 */
public final class ReportingMain {

    /** Stage name: client id, default consumer group, DLQ stage, metrics tag. */
    public static final String STAGE = "reporting";

    /** The stage for {@code radstream run reporting} and the in-JVM demo. */
    public static final StageDefinition DEFINITION = new StageDefinition(STAGE,
            "risk scores and models -> HTML case and model reports in the blob store + ReportReady",
            ReportingSettings.FLAGS, ReportingMain::service);

    private ReportingMain() {
    }

    public static void main(String[] args) {
        System.exit(DEFINITION.run(args, System.getenv(), System.out, System.err));
    }

    /**
     * The stage's service from its configuration.
     *
     * @throws IllegalArgumentException when a reporting flag has a bad value
     */
    public static ReportingService service(RadstreamConfig config, StageSettings settings, StageMetrics metrics,
            DeadLetterCounts counts) {
        return new ReportingService(STAGE, config, settings, ReportingSettings.of(settings), metrics, counts);
    }
}
