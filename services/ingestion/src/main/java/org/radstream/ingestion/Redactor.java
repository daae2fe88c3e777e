package org.radstream.ingestion;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Removes a study's raw identifiers (PatientID, the words of PatientName, the name of the folder it came in)
 * from a message before it is logged or dead-lettered, replacing each by the caseId (or {@code <patient>}).
 * Messages built by ingestion avoid identifiers already; this is the guard for text quoted from libraries
 * (file paths inside exception messages).
 */
final class Redactor {

    private final Map<String, String> replacements = new LinkedHashMap<>();

    /** Adds an identifier to remove; blank and very short ones (&lt; 3 characters) are ignored. */
    Redactor add(String identifier, String replacement) {
        if (identifier != null && identifier.trim().length() >= 3) {
            replacements.putIfAbsent(identifier.trim(), Objects.requireNonNull(replacement));
        }
        return this;
    }

    /** Adds each component of a DICOM person name (family^given^middle^prefix^suffix). */
    Redactor addPersonName(String pn, String replacement) {
        if (pn != null) {
            for (String part : pn.split("[\\^=]")) {
                add(part, replacement);
            }
            add(pn, replacement);
        }
        return this;
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        // longest first, so "RS-0001^PSEUDONYM" goes before "RS-0001"
        for (var e : replacements.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> x) -> -x.getKey().length())).toList()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }
}
