package org.radstream.reporting;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.radstream.events.ReportReady;
import org.radstream.events.RiskScore;
import org.radstream.streaming.blob.FileSystemBlobStore;

/** The package-private report writing, opened for {@code bench.ReportingBenchmark}. */
public final class ReportingBench {
    private final TrainedModel tm = TrainedModel.get();
    private final ReportWriter writer;
    private final PublishedModel model;
    private final PublishedModel modelWithAnalysis;

    public ReportingBench(Path dir) throws IOException {
        FileSystemBlobStore blobs = new FileSystemBlobStore(dir);
        writer = new ReportWriter(blobs);
        model = PublishedModel.load(tm.model(1, null));
        tm.writeAnalysis(dir.resolve("models/nomogram/v2"));
        modelWithAnalysis = PublishedModel.load(tm.model(2, blobs.folderUri("models/nomogram/v2").toString()));
    }

    public List<RiskScore> scores(int n) {
        return tm.caseIds(n).stream().map(id -> tm.score(id, 1)).toList();
    }

    public ReportReady writeCase(RiskScore s, Instant now) throws IOException {
        return writer.writeCase(s, model, now);
    }

    public ReportReady writeModel(Instant now) throws IOException {
        return writer.writeModel(modelWithAnalysis, now);
    }
}
