package org.radstream.modeling;

/** Argument checks at the API edge; each names the bad value. */
public final class Checks {
    private Checks() {
    }

    public static void finite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new ModelingException(what + "[" + i + "] is " + values[i] + "; finite values are required");
            }
        }
    }

    public static void minLength(String what, double[] values, int min) {
        if (values.length < min) {
            throw new ModelingException(what + " has " + values.length + " values; at least " + min + " are required");
        }
    }

    /** Outcome coded 0/1. */
    public static void binary(String what, int[] y) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new ModelingException(what + "[" + i + "] is " + y[i] + "; outcomes must be 0 or 1");
            }
        }
    }

    /** Both classes present. */
    public static void bothClasses(String what, int[] y) {
        binary(what, y);
        int pos = 0;
        for (int v : y) {
            pos += v;
        }
        if (pos == 0 || pos == y.length) {
            throw new ModelingException(what + " has only one class (" + pos + " events in " + y.length
                    + " cases); both outcomes are required");
        }
    }

    public static void sameLength(String a, int na, String b, int nb) {
        if (na != nb) {
            throw new ModelingException(a + " has " + na + " values but " + b + " has " + nb);
        }
    }
}
