package org.radstream.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.radstream.ingestion.Ingestion;
import org.radstream.ingestion.IngestionMain;
import org.radstream.ingestion.IngestionService;
import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.stage.StageSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radstream ingest --folder DIR}: imports a folder once (the ingestion stage's folder import, without its
 * SCP or REST endpoint) and prints what was emitted and dead-lettered.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Import a folder once into the pipeline: DICOM studies (patients/<study>/...) with their ROI files,",
            "clinical.csv and outcomes.csv, as StudyReceived, ClinicalRecord and Outcome events; bad inputs go to the DLQ.",
            "Patient IDs are pseudonymised with the key in RADSTREAM_INGESTION_PSEUDONYM_KEY (required).",
            "Exit 0 when every input was emitted, 3 when some were dead-lettered, 1 when delivery failed."})
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The environment the key and ingestion settings are read from (tests give their own). */
    private final Map<String, String> env;

    IngestCommand() {
        this(System.getenv());
    }

    IngestCommand(Map<String, String> env) {
        this.env = env;
    }

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--folder", required = true, paramLabel = "DIR", description = "Folder to import (e.g. a generated cohort).")
    Path folder;

    @Option(names = "--blobs", paramLabel = "DIR",
            description = "Blob-store root the DICOM and ROI files are copied to (env RADSTREAM_INGESTION_BLOB_DIR; default ./blobs).")
    Path blobs;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            spec.commandLine().getErr().println("radstream ingest: --folder " + folder + ": not a directory");
            return 2;
        }
        RadstreamConfig config = connection.load(env);
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("--folder", folder.toString());
        if (blobs != null) {
            flags.put("--blob-dir", blobs.toString());
        }
        StageSettings settings = StageSettings.load(Ingestion.STAGE, IngestionMain.FLAGS, flags, env);
        Ingestion.Summary s = IngestionService.importFolder(config, settings);
        spec.commandLine().getOut().println(s);
        return s.deadLetters() == 0 ? 0 : 3;
    }
}
