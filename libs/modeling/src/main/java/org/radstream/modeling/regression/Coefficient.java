package org.radstream.modeling.regression;

/**
 * One logistic-regression coefficient with its Wald inference: SE from the inverse observed information,
 * z = β/SE, two-sided p, odds ratio exp(β) and Wald 95% CI exp(β ± 1.959964·SE) (R's confint.default).
 */
public record Coefficient(String name, double estimate, double standardError, double z, double pValue,
                          double oddsRatio, double orCiLow, double orCiHigh) {
}
