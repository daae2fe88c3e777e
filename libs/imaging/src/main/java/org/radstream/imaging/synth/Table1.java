package org.radstream.imaging.synth;

/**
 * The study's Table 1 (DESIGN §1), ER vs non-ER, that the clinical data are drawn to match, plus
 * documented assumptions for the variables the table does not give (same in both groups).
 *
 * @param ageMean         59.3 (ER) / 54.3 (non-ER) years
 * @param ageSd           8.7 / 12.4
 * @param albMean         38.0 / 41.0 g/L
 * @param albSd           5.3 / 6.1
 * @param multipleTumours 0.289 / 0.076
 * @param sizeMean        1.98 / 1.73 cm (largest tumour)
 * @param sizeSd          0.70 / 0.70
 * @param cirrhosis       0.895 / 0.750
 * @param hbsag           0.921 / 0.788
 */
public record Table1(double ageMean, double ageSd, double albMean, double albSd, double multipleTumours, double sizeMean,
        double sizeSd, double cirrhosis, double hbsag) {

    public static final Table1 ER = new Table1(59.3, 8.7, 38.0, 5.3, 0.289, 1.98, 0.70, 0.895, 0.921);
    public static final Table1 NON_ER = new Table1(54.3, 12.4, 41.0, 6.1, 0.076, 1.73, 0.70, 0.750, 0.788);

    // Not in Table 1 (assumptions, both groups): male 85%; AFP log-normal, median 20 ng/mL, log-sd 1.5;
    // ALT, AST normal 42±22 / 46±24 U/L (≥ 8); TBIL 15±6 µmol/L (≥ 3); Child–Pugh A 92% else B;
    // location right lobe 70%, left lobe 25%, caudate 5%.
    public static final double MALE = 0.85;
    public static final double AFP_LOG_MEDIAN = Math.log(20);
    public static final double AFP_LOG_SD = 1.5;
    public static final double CHILD_PUGH_A = 0.92;

    /** Bounds applied to the drawn values: age 25–85 y, ALB 25–55 g/L, size 1.0–2.9 cm (the 1–3 cm, each &lt; 3 cm). */
    public static final double[] AGE_BOUNDS = {25, 85};
    public static final double[] ALB_BOUNDS = {25, 55};
    public static final double[] SIZE_BOUNDS = {1.0, 2.9};
}
