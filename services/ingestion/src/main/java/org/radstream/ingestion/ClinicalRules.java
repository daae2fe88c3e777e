package org.radstream.ingestion;

/**
 * Plausibility limits for clinical values: a value outside is a data-entry or unit error, rejected to the DLQ
 * rather than fed to the nomogram.
 *
 * @param albMinGPerL lowest plausible serum albumin, g/L (default 10: lower values are g/dL typed as g/L,
 *                    e.g. 3.8; severe hypoalbuminaemia is rarely below 15)
 * @param albMaxGPerL highest plausible serum albumin, g/L (default 70: above are mg/dL or typing errors;
 *                    the upper reference limit is about 50)
 */
public record ClinicalRules(double albMinGPerL, double albMaxGPerL) {

    public static final ClinicalRules DEFAULTS = new ClinicalRules(10, 70);

    public ClinicalRules {
        if (!(albMinGPerL >= 0 && albMinGPerL < albMaxGPerL)) {
            throw new IllegalArgumentException("ALB range must be 0 <= min < max, got [" + albMinGPerL + ", " + albMaxGPerL + "]");
        }
    }
}
