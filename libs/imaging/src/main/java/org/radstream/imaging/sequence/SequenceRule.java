package org.radstream.imaging.sequence;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One identification rule: if the series' SeriesDescription or ProtocolName, normalised to lower-case
 * words separated by single spaces and padded with a space at each end (so {@code "t1_vibe_fs_tra_art"}
 * becomes {@code " t1 vibe fs tra art "}), contains a match of {@code pattern}, the series is
 * {@code sequence}. {@code contrast} restricts the rule to series with (REQUIRED) or without (ABSENT)
 * a ContrastBolusAgent, or neither (ANY).
 *
 * <p>Text form (one rule per line, used by {@link SequenceRules#parse}):
 * {@code SEQUENCE CONTRAST REGEX}, e.g. {@code AP ANY ( art | arterial )}.
 */
public record SequenceRule(MrSequence sequence, Contrast contrast, Pattern pattern) {

    public enum Contrast { ANY, REQUIRED, ABSENT }

    public SequenceRule {
        Objects.requireNonNull(sequence);
        Objects.requireNonNull(contrast);
        Objects.requireNonNull(pattern);
    }

    public static SequenceRule of(MrSequence sequence, Contrast contrast, String regex) {
        return new SequenceRule(sequence, contrast, Pattern.compile(regex));
    }

    public boolean matches(String description, String protocol, boolean hasContrast) {
        if ((contrast == Contrast.REQUIRED && !hasContrast) || (contrast == Contrast.ABSENT && hasContrast)) {
            return false;
        }
        return pattern.matcher(normalise(description)).find() || pattern.matcher(normalise(protocol)).find();
    }

    /** Lower-case words separated by one space, with a leading and trailing space. */
    public static String normalise(String text) {
        String s = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        return " " + s + " ";
    }

    @Override
    public String toString() {
        return sequence + " " + contrast + " " + pattern.pattern();
    }
}
