package org.radstream.reporting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.events.PredictorPoints;
import org.radstream.events.ReportKind;
import org.radstream.events.ReportReady;
import org.radstream.events.RiskScore;
import org.radstream.modeling.study.StudyAnalysis;
import org.radstream.streaming.blob.FileSystemBlobStore;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;

/** Reports of real RiskScores and a real model written into a filesystem blob store. */
class ReportWriterTest {
    @TempDir
    Path dir;
    final TrainedModel tm = TrainedModel.get();
    static final Instant NOW = Instant.parse("2026-11-27T10:00:05Z");

    @Test
    void caseReportAtItsKeyWithEveryInputAndTheSameBytesWhenWrittenAgain() throws Exception {
        FileSystemBlobStore blobs = new FileSystemBlobStore(dir);
        ReportWriter w = new ReportWriter(blobs);
        PublishedModel m = PublishedModel.load(tm.model(4, null));
        String id = tm.caseIds(3).get(2);
        RiskScore s = tm.score(id, 4);
        ReportReady r = w.writeCase(s, m, NOW);
        Path file = dir.resolve("reports/cases/" + id + "/nomogram-v4.html");
        assertEquals(List.of(file.toUri().toString()), r.getUris());
        assertEquals(id, r.getCaseId());
        assertEquals(ReportKind.CASE, r.getKind());
        assertEquals("nomogram", r.getModelName());
        assertEquals(4, r.getModelVersion());
        assertEquals(NOW, r.getCreatedAt());
        String html = Files.readString(file, StandardCharsets.UTF_8);
        for (PredictorPoints p : s.getPoints()) {
            assertTrue(html.contains(String.format(Locale.ROOT, "%.1f", p.getPoints())), p.getPredictor());
        }
        for (String want : List.of(id, String.format(Locale.ROOT, "%.3f", s.getProbability()), s.getRiskBand().name(),
                String.format(Locale.ROOT, "%.1f g/L", s.getPoints().get(0).getValue()),
                String.format(Locale.ROOT, "%.3f", s.getRadScore()), "2026-11-27T08:15:00Z", "quality-gate", "not a medical device",
                String.format(Locale.ROOT, "%.3f", tm.artifact.get("metrics").get("nomogram").get("auc_validation").asDouble()))) {
            assertTrue(html.contains(want), "case report lacks " + want);
        }
        byte[] first = Files.readAllBytes(file);
        w.writeCase(s, m, NOW.plusSeconds(60));
        assertArrayEquals(first, Files.readAllBytes(file), "a re-delivered RiskScore rewrites the same bytes");
    }

    @Test
    void aScoreThatDoesNotFitTheModelOrCannotNameAFileIsRejectedWithItsReason() throws Exception {
        ReportWriter w = new ReportWriter(new FileSystemBlobStore(dir));
        PublishedModel m = PublishedModel.load(tm.model(1, null));
        RiskScore s = tm.score(tm.caseIds(1).get(0), 1);
        RiskScore shifted = RiskScore.newBuilder(s).setPoints(List.of(s.getPoints().get(0), s.getPoints().get(1),
                new PredictorPoints("rad_score", s.getPoints().get(2).getValue() + 0.5, s.getPoints().get(2).getPoints()))).build();
        RejectedRecordException e = assertThrows(RejectedRecordException.class, () -> w.writeCase(shifted, m, NOW));
        assertEquals(ReasonCode.PROCESSING_ERROR, e.reasonCode());
        assertTrue(e.getMessage().contains("radscore_mpMRI"), e.getMessage());
        RiskScore escaping = RiskScore.newBuilder(s).setCaseId("../../etc").build();
        assertEquals(ReasonCode.INVALID_FIELD, assertThrows(RejectedRecordException.class, () -> w.writeCase(escaping, m, NOW)).reasonCode());
        assertTrue(Files.notExists(dir.resolve("etc")));
    }

    @Test
    void modelReportWithTheAnalysisTablesAndFiguresCopiedBeside() throws Exception {
        FileSystemBlobStore blobs = new FileSystemBlobStore(dir.resolve("blobs"));
        Path analysis = dir.resolve("blobs/models/nomogram/v2/analysis");
        tm.writeAnalysis(analysis);
        URI folder = blobs.folderUri("models/nomogram/v2/analysis");
        ReportReady r = new ReportWriter(blobs).writeModel(PublishedModel.load(tm.model(2, folder.toString())), NOW);
        Path index = dir.resolve("blobs/reports/models/nomogram/v2/index.html");
        assertEquals(index.toUri().toString(), r.getUris().get(0), "HTML first");
        assertEquals(ReportKind.MODEL, r.getKind());
        assertEquals("nomogram", r.getCaseId(), "keyed by model name");
        long figures;
        try (var s = Files.list(analysis.resolve("figures"))) {
            figures = s.count();
        }
        assertEquals(1 + figures, r.getUris().size(), "then every figure (SVG and PNG)");
        for (String u : r.getUris()) {
            assertTrue(Files.isRegularFile(Path.of(URI.create(u))), u);
        }
        assertTrue(r.getUris().contains(dir.resolve("blobs/reports/models/nomogram/v2/figures/roc_validation.png").toUri().toString()));
        String html = Files.readString(index, StandardCharsets.UTF_8);
        for (StudyAnalysis.Table t : tm.result.tables()) {
            assertTrue(html.contains(t.title().replace("&", "&amp;")), t.name());
        }
        assertTrue(html.contains("data:image/svg+xml;base64,"));
    }

    @Test
    void tablesReadBackAsTheAnalysisWroteThem() throws Exception {
        tm.writeAnalysis(dir);
        AnalysisFolder a = AnalysisFolder.read(dir);
        assertEquals(tm.result.tables(), a.tables(), "commons-csv reads AnalysisWriter's CSV back to the same cells and the .md title");
        assertTrue(a.figures().stream().anyMatch(f -> f.name().equals("dca_validation")));
    }

    @Test
    void aMissingAnalysisFolderIsBlobNotFound() throws Exception {
        FileSystemBlobStore blobs = new FileSystemBlobStore(dir);
        String uri = blobs.folderUri("models/nomogram/v9/analysis").toString();
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> new ReportWriter(blobs).writeModel(PublishedModel.load(tm.model(9, uri)), NOW));
        assertEquals(ReasonCode.BLOB_NOT_FOUND, e.reasonCode());
        RejectedRecordException tampered = assertThrows(RejectedRecordException.class,
                () -> PublishedModel.load(org.radstream.events.ModelPublished.newBuilder(tm.model(9, null)).setArtifactSha256("00").build()));
        assertTrue(tampered.getMessage().contains("does not match"), tampered.getMessage());
    }
}
