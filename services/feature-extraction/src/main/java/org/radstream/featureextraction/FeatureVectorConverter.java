package org.radstream.featureextraction;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.radstream.events.FeatureValues;
import org.radstream.events.FeatureVector;
import org.radstream.events.PreprocessedRoi;

/**
 * The library's feature vector → the {@link FeatureVector} event of one (sequence, reader) ROI: names and values
 * in extraction order (NaN kept), extractor version, settings hash, and SHA-256 of the image and mask bytes
 * exactly as they arrived in the {@link PreprocessedRoi} (float32 little-endian, one byte per mask voxel), so a
 * vector can be traced to its input.
 */
public final class FeatureVectorConverter {

    private FeatureVectorConverter() {
    }

    public static FeatureVector toEvent(PreprocessedRoi roi, org.radstream.radiomics.FeatureVector features,
            String extractorVersion, String settingsHash, Instant extractedAt) {
        List<String> names = new ArrayList<>(features.features().size());
        List<Double> values = new ArrayList<>(features.features().size());
        for (Map.Entry<String, Double> e : features.features().entrySet()) {
            names.add(e.getKey());
            values.add(e.getValue());
        }
        return FeatureVector.newBuilder()
                .setCaseId(roi.getCaseId())
                .setReader(roi.getReader())
                .setFeatures(FeatureValues.newBuilder().setSequence(roi.getSequence()).setNames(names).setValues(values)
                        .setSettingsHash(settingsHash).build())
                .setExtractorVersion(extractorVersion)
                .setImageHash(sha256(roi.getImage()))
                .setMaskHash(sha256(roi.getMask()))
                .setExtractedAt(extractedAt)
                .build();
    }

    /** SHA-256 (hex) of the buffer's remaining bytes; the buffer's position is left unchanged. */
    public static String sha256(ByteBuffer b) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(b.duplicate());
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
