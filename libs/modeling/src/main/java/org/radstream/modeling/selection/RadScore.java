package org.radstream.modeling.selection;

import java.util.Map;
import org.radstream.modeling.ModelingException;

/** rad-score = intercept + Σ β_j z_j, summed in the coefficients' order (training and artifact scoring share it). */
public final class RadScore {
    private RadScore() {
    }

    public static double of(Map<String, Double> coefficients, Map<String, Double> standardised) {
        double s = 0;
        boolean first = true;
        for (Map.Entry<String, Double> e : coefficients.entrySet()) {
            if (first) {
                if (!e.getKey().equals(RadScoreModel.INTERCEPT)) {
                    throw new ModelingException("rad-score coefficients must start with the intercept");
                }
                s = e.getValue();
                first = false;
                continue;
            }
            Double z = standardised.get(e.getKey());
            if (z == null) {
                throw new ModelingException("feature " + e.getKey() + " is missing for the rad-score");
            }
            s += e.getValue() * z;
        }
        return s;
    }
}
