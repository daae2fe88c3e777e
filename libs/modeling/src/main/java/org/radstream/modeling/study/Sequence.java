package org.radstream.modeling.study;

import java.util.Arrays;
import java.util.Locale;
import org.radstream.modeling.ModelingException;

/** The five MRI sequences of the study (DESIGN §1). DWI is acquired but not used. */
public enum Sequence {
    T1WI, T2WI, AP, PVP, DP;

    /** Parses a sequence name (case-insensitive); unknown names are an error naming where they came from. */
    public static Sequence parse(String s, String where) {
        String t = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
        for (Sequence q : values()) {
            if (q.name().equals(t)) {
                return q;
            }
        }
        throw new ModelingException(where + ": unknown sequence '" + s + "'; expected one of " + Arrays.toString(values()));
    }

    /** Name of a feature of this sequence in pooled models: SEQUENCE_feature. */
    public String prefixed(String feature) {
        return name() + "_" + feature;
    }
}
