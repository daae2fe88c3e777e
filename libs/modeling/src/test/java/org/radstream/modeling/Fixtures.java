package org.radstream.modeling;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** R-generated fixtures under src/test/resources/fixtures (scripts in src/test/r). */
public final class Fixtures {
    private Fixtures() {
    }

    public static JsonNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + name + " not found");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] doubles(JsonNode n) {
        if (!n.isArray()) {
            return new double[] {n.asDouble()};
        }
        double[] d = new double[n.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = n.get(i).asDouble();
        }
        return d;
    }

    public static int[] ints(JsonNode n) {
        int[] d = new int[n.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = n.get(i).asInt();
        }
        return d;
    }

    public static double[][] matrix(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = doubles(n.get(i));
        }
        return m;
    }

    public static long[][] table(JsonNode n) {
        long[][] m = new long[n.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new long[n.get(i).size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = n.get(i).get(j).asLong();
            }
        }
        return m;
    }

    /** |expected − actual| ≤ tol, else fail with the R call that produced the expected value. */
    public static void close(String rCall, String what, double expected, double actual, double tol) {
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(what + ": R gives " + expected + ", we give " + actual + " (|diff| " + Math.abs(expected - actual)
                    + " > " + tol + ")\n  R call: " + rCall);
        }
    }
}
