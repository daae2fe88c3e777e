package org.radstream.modeling.selection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.radstream.modeling.ModelingException;

/**
 * z-scores with training-cohort statistics only (no leakage): z = (x − mean_train)/sd_train, sd with n − 1.
 * The same mean and sd are stored in the model artifact and applied to validation and new cases.
 */
public record Standardization(Map<String, Stat> stats) {
    /** Mean and sample standard deviation of one feature on the training cohort. */
    public record Stat(double mean, double sd) {
    }

    public Standardization {
        stats = Map.copyOf(new LinkedHashMap<>(stats));
    }

    /**
     * @param columns feature → training values
     * @throws ModelingException for a constant feature (sd = 0), which has to be excluded first
     */
    public static Standardization fit(Map<String, double[]> columns) {
        Map<String, Stat> m = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            double[] x = e.getValue();
            double mean = 0;
            for (double v : x) {
                mean += v;
            }
            mean /= x.length;
            double ss = 0;
            for (double v : x) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (x.length - 1));
            if (!(sd > 0)) {
                throw new ModelingException("feature " + e.getKey() + " is constant on the training cohort; it cannot be standardised");
            }
            m.put(e.getKey(), new Stat(mean, sd));
        }
        return new Standardization(m);
    }

    public double apply(String feature, double x) {
        Stat s = stats.get(feature);
        if (s == null) {
            throw new ModelingException("no standardisation for feature " + feature);
        }
        return (x - s.mean()) / s.sd();
    }

    /** True when every value is the same (sd would be 0). */
    public static boolean isConstant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }
}
