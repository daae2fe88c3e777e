package org.radstream.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.radstream.events.ModelPublished;
import org.radstream.modeling.artifact.ModelScorer;

/**
 * A published model ready to score: the modeling library's {@link ModelScorer} over the artifact JSON, after
 * checking the artifact's SHA-256, plus the nomogram axes needed to report each predictor's value next to its
 * points.
 *
 * @param name         model name (the Kafka key)
 * @param version      model version
 * @param settingsHash feature extraction settings hash the model expects; blank = not recorded
 * @param scorer       the library's scorer
 * @param axes         nomogram axis name → {coefficient, min contribution}
 * @param scale        nomogram points per unit of the linear predictor
 */
public record LoadedModel(String name, int version, String settingsHash, ModelScorer scorer,
                          Map<String, double[]> axes, double scale) {

    /**
     * @throws IllegalArgumentException when the artifact does not match its SHA-256 or cannot be read (the
     *                                  message names the model and version)
     */
    public static LoadedModel load(ModelPublished m) {
        String where = "model " + m.getModelName() + " v" + m.getVersion();
        String sha = sha256(m.getArtifactJson());
        if (!sha.equalsIgnoreCase(m.getArtifactSha256())) {
            throw new IllegalArgumentException(where + ": artifactSha256 " + m.getArtifactSha256()
                    + " does not match the artifact (" + sha + ")");
        }
        try {
            ModelScorer scorer = new ModelScorer(m.getArtifactJson());
            JsonNode nom = new ObjectMapper().readTree(m.getArtifactJson()).get("nomogram");
            Map<String, double[]> axes = new LinkedHashMap<>();
            for (JsonNode ax : nom.get("axes")) {
                axes.put(ax.get("name").asText(), new double[] {ax.get("coefficient").asDouble(), ax.get("min_contribution").asDouble()});
            }
            return new LoadedModel(m.getModelName(), m.getVersion(), m.getFeatureSettingsHash(), scorer, axes,
                    nom.get("scale_points_per_logit").asDouble());
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": artifact cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The predictor value behind an axis's points, from points = (β x − m) · scale:
     * x = (points / scale + m) / β. Used for the rad-score axis, whose input the scorer does not return.
     */
    double valueFromPoints(String axis, double points) {
        double[] bm = axes.get(axis);
        return (points / scale + bm[1]) / bm[0];
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
