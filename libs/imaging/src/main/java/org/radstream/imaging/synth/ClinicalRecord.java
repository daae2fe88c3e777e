package org.radstream.imaging.synth;

/**
 * One row of {@code clinical.csv} (units: years, g/L, ng/mL, U/L, µmol/L, cm).
 *
 * @param tumorNumber number of tumours (1–3)
 * @param tumorSizeCm diameter of the largest tumour
 * @param tumorLocation right, left or caudate (lobe of the largest tumour)
 */
public record ClinicalRecord(String caseId, int age, String sex, double alb, double afp, double alt, double ast, double tbil,
        boolean hbsag, String childPugh, boolean cirrhosis, int tumorNumber, double tumorSizeCm, String tumorLocation) {

    public static final String HEADER = "caseId,age,sex,alb,afp,alt,ast,tbil,hbsag,child_pugh,cirrhosis,tumor_number,tumor_size_cm,tumor_location";

    public String csv() {
        return String.join(",", caseId, Integer.toString(age), sex, fmt(alb), fmt(afp), fmt(alt), fmt(ast), fmt(tbil),
                hbsag ? "1" : "0", childPugh, cirrhosis ? "1" : "0", Integer.toString(tumorNumber), fmt(tumorSizeCm), tumorLocation);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
