package org.radstream.featureextraction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.radiomics.FeatureVector;
import org.radstream.radiomics.ParameterSet;
import org.radstream.radiomics.RadiomicsExtractor;
import org.radstream.radiomics.RadiomicsInputException;
import org.radstream.streaming.dlq.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3 of the study for one preprocessed ROI, Kafka-free: the radiomics library's extractor with one
 * parameter set (the paper profile, 1316 features, in the service). The image arrives already z-scored and
 * resampled to 1 mm (step 1), which the profile expects.
 *
 * <p>A feature the library cannot compute is NaN with a reason: kept as NaN in the output (never dropped, so
 * every vector has the same names) and its reason logged. Input the library refuses (label absent, ROI too
 * small, non-finite intensity, grid mismatch) is an {@link ExtractionRejected}.
 */
public final class RoiFeatureExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(RoiFeatureExtractor.class);

    private final RadiomicsExtractor extractor;
    private final String settingsHash;

    public RoiFeatureExtractor(ParameterSet params) {
        this.extractor = new RadiomicsExtractor(Objects.requireNonNull(params, "params"));
        this.settingsHash = settingsHash(params);
    }

    /** SHA-256 (hex) of the effective settings, image types and feature classes, in file order. */
    public static String settingsHash(ParameterSet p) {
        String canonical = "setting=" + p.settings().asPyRadiomicsMap() + ";imageType=" + p.imageTypes()
                + ";featureClass=" + p.featureClasses();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    public String settingsHash() {
        return settingsHash;
    }

    public String version() {
        return RadiomicsExtractor.VERSION;
    }

    /**
     * @param what names the ROI in logs and errors (caseId, sequence, reader; no patient data)
     * @throws ExtractionRejected when the library refuses the input
     */
    public FeatureVector extract(Volume image, LabelMap mask, String what) throws ExtractionRejected {
        FeatureVector fv;
        try {
            fv = extractor.extract(image, mask);
        } catch (RadiomicsInputException e) {
            ReasonCode reason = e.reason() == RadiomicsInputException.Reason.GEOMETRY_MISMATCH
                    ? ReasonCode.GEOMETRY_MISMATCH : ReasonCode.FEATURE_NOT_COMPUTABLE;
            throw new ExtractionRejected(reason, what + ": " + e.getMessage(), e);
        }
        for (Map.Entry<String, String> r : fv.nanReasons().entrySet()) {
            LOG.warn("{}: {} = NaN ({})", what, r.getKey(), r.getValue());
        }
        return fv;
    }
}
