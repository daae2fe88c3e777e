package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.imaging.synth.CohortGenerator;
import org.radstream.imaging.synth.CohortSettings;
import org.radstream.streaming.embedded.EmbeddedPlatform;

import picocli.CommandLine;

/** {@code radstream ingest --folder} on the embedded platform with a generated 2-patient cohort. */
class IngestCommandIT {

    @TempDir
    Path dir;

    @Test
    void importsACohortOnceAndSaysWhatWentWhere() throws Exception {
        Path cohort = dir.resolve("cohort");
        CohortGenerator.generate(CohortSettings.defaults().with(2, 1, 3).withSlices(8).withThreads(2), cohort);
        // one bad clinical row: ALB missing
        Path csv = cohort.resolve("clinical.csv");
        var lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        String[] f = lines.get(2).split(",", -1);
        f[3] = "";
        lines.set(2, String.join(",", f));
        Files.write(csv, lines);
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(dir.resolve("platform"))) {
            Map<String, String> env = Map.of("RADSTREAM_INGESTION_PSEUDONYM_KEY", "cli-it-key-0123456789abcdefghijklmnop");
            CommandLine.IFactory factory = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> cls) throws Exception {
                    return cls == IngestCommand.class ? cls.cast(new IngestCommand(env)) : CommandLine.defaultFactory().create(cls);
                }
            };
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new RadstreamCommand(), factory);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int rc = cl.execute("ingest", "--folder", cohort.toString(), "--blobs", dir.resolve("blobs").toString(),
                    "--bootstrap", platform.bootstrapServers(), "--registry", platform.registryUrl());
            assertEquals(3, rc, err.toString()); // some input was dead-lettered
            assertEquals("2 studies, 1 clinical records, 2 outcomes emitted; 1 dead letters", out.toString().trim());
            try (var s = Files.list(dir.resolve("blobs"))) {
                assertEquals(2, s.filter(p -> p.getFileName().toString().matches("c[0-9a-f]{32}")).count());
            }
            assertTrue(err.toString().isEmpty() || !err.toString().contains("RS-000"), err.toString());
        }
    }
}
