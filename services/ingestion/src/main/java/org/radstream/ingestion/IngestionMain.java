package org.radstream.ingestion;

import java.time.Clock;
import java.util.List;

import org.radstream.streaming.stage.StageDefinition;
import org.radstream.streaming.stage.StageFlag;
import org.radstream.streaming.stage.StageMain;

/**
 * {@code main} of the ingestion stage: C-STORE SCP, REST endpoint and folder import → StudyReceived,
 * ClinicalRecord and Outcome events ({@link IngestionService}). Flags and start-up: {@link StageMain}; the stage's
 * own flags are {@link #FLAGS} ({@code --watch} alone means true; the pseudonym key comes from the environment
 * only).
 */
public final class IngestionMain {

    /** The stage's own flags (besides the common ones), each also {@code RADSTREAM_INGESTION_<NAME>}. */
    public static final List<StageFlag> FLAGS = List.of(
            new StageFlag("folder", null, "Import folder (cohort layout: patients/<study>/..., clinical.csv, outcomes.csv); unset = none."),
            new StageFlag("watch", "false", "true = keep watching the folder and import what appears; false = import it once at start."),
            new StageFlag("poll.interval", "PT2S", "How often the watched folder is scanned (ISO-8601 duration)."),
            new StageFlag("quiet.period", "PT10S", "A study is complete when nothing new arrived for this long (C-STORE and watched folder)."),
            new StageFlag("scp.port", "11112", "DICOM C-STORE SCP port; -1 = no SCP."),
            new StageFlag("scp.ae.title", "RADSTREAM", "Called AE title of the SCP."),
            new StageFlag("spool.dir", "spool", "Where C-STORE instances wait for their study to complete; rejected studies are kept under rejected/."),
            new StageFlag("http.host", "0.0.0.0", "Bind address of the REST endpoint for clinical records and outcomes."),
            new StageFlag("http.port", "8090", "Port of the REST endpoint; -1 = none."),
            StageFlag.secret("pseudonym.key", "Secret key (>= 32 bytes) of the keyed hash that turns patient IDs into caseIds. Required."),
            new StageFlag("alb.min", "10", "Lowest plausible serum albumin, g/L; lower values are dead-lettered (ALB_OUT_OF_RANGE)."),
            new StageFlag("alb.max", "70", "Highest plausible serum albumin, g/L."));

    public static final StageDefinition DEFINITION = new StageDefinition(Ingestion.STAGE,
            "Receives DICOM studies (C-STORE SCP, folder import), clinical records and outcomes (CSV, REST); pseudonymises them.",
            FLAGS, (config, settings, metrics, counts) -> new IngestionService(config, settings,
                    IngestionSettings.from(settings), metrics, counts, Clock.systemUTC()));

    private IngestionMain() {
    }

    public static void main(String[] args) {
        System.exit(DEFINITION.run(args, System.getenv(), System.out, System.err));
    }
}
