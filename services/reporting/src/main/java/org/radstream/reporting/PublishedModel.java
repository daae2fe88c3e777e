package org.radstream.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.radstream.events.ModelPublished;
import org.radstream.modeling.ModelingException;
import org.radstream.modeling.report.ModelFacts;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.dlq.RejectedRecordException;

/**
 * A published model version as the reports need it: the event (publication facts, headline metrics, analysis
 * URI) and the library's {@link ModelFacts} read from its artifact, after checking the artifact's SHA-256.
 */
record PublishedModel(ModelPublished event, ModelFacts facts) {

    String name() {
        return event.getModelName();
    }

    int version() {
        return event.getVersion();
    }

    /**
     * @throws RejectedRecordException PROCESSING_ERROR when the artifact does not match its SHA-256 or cannot be
     *                                 read (the message names the model, version and the reason)
     */
    static PublishedModel load(ModelPublished m) {
        String where = "model " + m.getModelName() + " v" + m.getVersion();
        String sha = sha256(m.getArtifactJson());
        if (!sha.equalsIgnoreCase(m.getArtifactSha256())) {
            throw new RejectedRecordException(ReasonCode.PROCESSING_ERROR, where + ": artifactSha256 " + m.getArtifactSha256()
                    + " does not match the artifact (" + sha + ")");
        }
        try {
            return new PublishedModel(m, ModelFacts.fromArtifact(m.getModelName(), m.getVersion(), m.getCreatedAt(), m.getArtifactJson()));
        } catch (ModelingException e) {
            throw new RejectedRecordException(ReasonCode.PROCESSING_ERROR, e.getMessage(), e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
