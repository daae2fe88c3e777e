package org.radstream.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.radstream.events.ModelPublished;
import org.radstream.events.PredictorPoints;
import org.radstream.events.ReportKind;
import org.radstream.events.ReportReady;
import org.radstream.events.RiskScore;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.report.CaseReport;
import org.radstream.modeling.report.ModelReport;
import org.radstream.streaming.blob.BlobStore;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;

/**
 * Writes reports into the blob store and describes them as {@link ReportReady} events; the maths and HTML are the
 * modeling library's ({@link CaseReport}, {@link ModelReport}), this class maps events to it. Layout:
 * <pre>
 * reports/cases/&lt;caseId&gt;/&lt;modelName&gt;-v&lt;version&gt;.html          one per RiskScore
 * reports/models/&lt;modelName&gt;/v&lt;version&gt;/index.html              one per ModelPublished
 * reports/models/&lt;modelName&gt;/v&lt;version&gt;/figures/&lt;figure&gt;.svg|png  the analysis's figures, when published
 * </pre>
 * Writing the same report again replaces the file atomically with the same bytes (no clock in the HTML), so a
 * re-delivered event is harmless.
 */
final class ReportWriter {
    /** RiskScore predictor name → the artifact's nomogram axis (inference's naming, see its CaseScoring). */
    static final Map<String, String> AXIS_OF_PREDICTOR = Map.of("ALB", "alb", "tumor_number", "tumor_multiple",
            "rad_score", "radscore_mpMRI");

    private final BlobStore blobs;

    ReportWriter(BlobStore blobs) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    static String caseKey(String caseId, String modelName, int version) {
        return "reports/cases/" + caseId + "/" + modelName + "-v" + version + ".html";
    }

    static String modelPrefix(String modelName, int version) {
        return "reports/models/" + modelName + "/v" + version + "/";
    }

    /**
     * The library's case report for a RiskScore scored with {@code model}.
     *
     * @throws RejectedRecordException PROCESSING_ERROR when the score names a predictor the model's nomogram does
     *         not have, or its points do not follow from the model's nomogram (scored with another model?)
     */
    static CaseReport caseReport(RiskScore s, PublishedModel model) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> points = new LinkedHashMap<>();
        for (PredictorPoints p : s.getPoints()) {
            String axis = AXIS_OF_PREDICTOR.getOrDefault(p.getPredictor(), p.getPredictor());
            values.put(axis, p.getValue());
            points.put(axis, p.getPoints());
        }
        try {
            return new CaseReport(s.getCaseId(), model.facts(), values, points, s.getRadScore(), s.getTotalPoints(),
                    s.getProbability(), s.getRiskBand().name(), s.getStageTimes(), s.getScoredAt());
        } catch (ModelingException e) {
            throw new RejectedRecordException(ReasonCode.PROCESSING_ERROR, e.getMessage(), e);
        }
    }

    /** Writes the case report and returns its ReportReady. */
    ReportReady writeCase(RiskScore s, PublishedModel model, Instant now) throws IOException {
        String html = caseReport(s, model).html();
        URI uri = put(caseKey(s.getCaseId(), model.name(), model.version()), html, "caseId or modelName");
        return ReportReady.newBuilder().setCaseId(s.getCaseId()).setKind(ReportKind.CASE).setUris(List.of(uri.toString()))
                .setModelName(model.name()).setModelVersion(model.version()).setCreatedAt(now).build();
    }

    /**
     * Writes the model report (with the analysis's tables and figures when the event names its folder) and returns
     * its ReportReady: the HTML's URI first, then the copied figures'.
     *
     * @throws RejectedRecordException BLOB_NOT_FOUND when the analysis folder named by the event does not exist
     */
    ReportReady writeModel(PublishedModel model, Instant now) throws IOException {
        ModelPublished e = model.event();
        AnalysisFolder analysis = null;
        if (e.getAnalysisUri() != null && !e.getAnalysisUri().isBlank()) {
            Path dir;
            try {
                dir = blobs.localPath(URI.create(e.getAnalysisUri()));
            } catch (IOException | IllegalArgumentException x) {
                throw new RejectedRecordException(ReasonCode.BLOB_NOT_FOUND, "model " + model.name() + " v" + model.version()
                        + ": analysisUri " + e.getAnalysisUri() + " is not readable here: " + x.getMessage(), x);
            }
            analysis = AnalysisFolder.read(dir);
        }
        ModelReport report = new ModelReport(model.facts(), e.getMetrics(), e.getArtifactSha256(), e.getTrainingDataFingerprint(),
                e.getFeatureSettingsHash(), analysis == null ? List.of() : analysis.tables(),
                analysis == null ? List.of() : analysis.figures());
        String prefix = modelPrefix(model.name(), model.version());
        List<String> uris = new ArrayList<>();
        uris.add(put(prefix + "index.html", report.html(), "modelName").toString());
        if (analysis != null) {
            for (Path f : analysis.figureFiles()) {
                uris.add(blobs.put(prefix + "figures/" + f.getFileName(), f).toString());
            }
        }
        return ReportReady.newBuilder().setCaseId(model.name()).setKind(ReportKind.MODEL).setUris(uris)
                .setModelName(model.name()).setModelVersion(model.version()).setCreatedAt(now).build();
    }

    private URI put(String key, String html, String fields) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        try {
            return blobs.put(key, new ByteArrayInputStream(bytes));
        } catch (IllegalArgumentException x) {
            // the store refuses keys that could leave its root: an id with '/' or '..' cannot name a report
            throw new RejectedRecordException(ReasonCode.INVALID_FIELD, "report key from the event's " + fields
                    + " is not a valid blob key: " + x.getMessage(), x);
        }
    }
}
