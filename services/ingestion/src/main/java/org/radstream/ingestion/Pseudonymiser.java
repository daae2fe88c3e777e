package org.radstream.ingestion;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.radstream.streaming.config.Secret;

/**
 * Replaces hospital identifiers by keyed hashes before anything leaves ingestion (DESIGN §2, PHI):
 * <pre>  pseudonym = prefix + hex(HMAC-SHA256(key, domain + 0x00 + identifier))[0..32)</pre>
 * (RFC 2104 HMAC with SHA-256, truncated to 128 bits as RFC 4868 allows for identifiers). The domain
 * ({@code patient}, {@code study}, {@code series}, {@code instance}) keeps a StudyInstanceUID and a PatientID
 * that happen to be equal from mapping to the same pseudonym. Without the key nobody can recompute or
 * enumerate the mapping (unlike a plain hash of a short patient number); with it, the hospital can find a
 * case again, and every ingestion instance sharing the key maps a patient to the same caseId, so a study and
 * its clinical row meet. The key is a {@link Secret}: never logged.
 */
public final class Pseudonymiser {

    /** Shortest key accepted, in bytes (UTF-8): HMAC keys shorter than the hash output weaken it (RFC 2104 §3). */
    public static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public Pseudonymiser(Secret key) {
        byte[] k = key.reveal().getBytes(StandardCharsets.UTF_8);
        if (k.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonymisation key must be at least " + MIN_KEY_BYTES
                    + " bytes, got " + k.length + " (value not shown)");
        }
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    /** Case identifier from a hospital PatientID (trimmed): {@code c} + 32 hex digits. */
    public String caseId(String patientId) {
        return "c" + hash("patient", patientId);
    }

    /** Study reference from a StudyInstanceUID: {@code st} + 32 hex digits. */
    public String studyRef(String studyInstanceUid) {
        return "st" + hash("study", studyInstanceUid);
    }

    /** Series reference from a SeriesInstanceUID: {@code se} + 32 hex digits. */
    public String seriesRef(String seriesInstanceUid) {
        return "se" + hash("series", seriesInstanceUid);
    }

    /** Instance reference from a SOPInstanceUID: {@code in} + 32 hex digits. */
    public String instanceRef(String sopInstanceUid) {
        return "in" + hash("instance", sopInstanceUid);
    }

    private String hash(String domain, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException("cannot pseudonymise an empty " + domain + " identifier");
        }
        byte[] mac = hmac(key, (domain + '\0' + identifier.trim()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, 16);
    }

    /** Plain HMAC-SHA256 (exposed for the RFC 4231 check). */
    static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
