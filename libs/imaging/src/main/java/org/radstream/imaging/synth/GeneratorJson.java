package org.radstream.imaging.synth;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.radstream.imaging.sequence.MrSequence;

/** Writes {@code generator.json}: the generative model, its parameters and the oracle AUC (hand-rolled JSON, no dependency). */
final class GeneratorJson {
    private GeneratorJson() {
    }

    static String write(CohortSettings s, double oracleAuc, double expectedAuc, Map<MrSequence, Double> seqAuc, List<String> readerB) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"generator\": \"radstream synthetic small-HCC mpMRI cohort\",\n");
        b.append("  \"version\": 1,\n");
        b.append("  \"seed\": ").append(s.seed()).append(",\n");
        b.append("  \"patients\": ").append(s.patients()).append(",\n");
        b.append("  \"early_recurrences\": ").append(s.earlyRecurrences()).append(",\n");
        b.append("  \"slices_per_series\": ").append(s.slices()).append(",\n");
        b.append("  \"slice_thickness_mm\": ").append(num(CohortGenerator.SLICE_MM)).append(",\n");
        b.append("  \"model\": {\n");
        b.append("    \"latent_risk\": \"r = d*y + e, e ~ N(0,1), y = early recurrence (0/1)\",\n");
        b.append("    \"texture_drive\": \"t_s = w_s*(r - d/2) + sqrt(1 - w_s^2)*eta_s, eta_s ~ N(0,1)\",\n");
        b.append("    \"texture_amplitude\": \"").append(num(CohortGenerator.TEXTURE_AMPLITUDE))
                .append("*exp(0.35*t_s) (relative SD of tumour intensity)\",\n");
        b.append("    \"texture_scale_mm\": \"").append(num(CohortGenerator.TEXTURE_SCALE_MM))
                .append("*exp(-0.30*t_s) (Gaussian correlation length)\",\n");
        b.append("    \"effect_size_d\": ").append(num(s.effectSize())).append(",\n");
        b.append("    \"reliability_w\": {");
        String sep = "";
        for (MrSequence q : MrSequence.STUDY) {
            b.append(sep).append('"').append(q).append("\": ").append(num(s.reliability().get(q)));
            sep = ", ";
        }
        b.append("},\n");
        b.append("    \"reader_a\": \"boundary delta(theta) = sum_{m=1..4} a_m cos(m theta + phi_m), a_m ~ N(0, 0.04/m)\",\n");
        b.append("    \"reader_b\": \"delta(theta) = b + sum_{m=1..4} a_m cos(m theta + phi_m), a_m ~ N(0, 0.10/m), b ~ N(0, 0.05)\",\n");
        b.append("    \"roi_reference_sequence\": \"DP\",\n");
        b.append("    \"clinical\": \"per group to match DESIGN Table 1 (ER: age 59.3+-8.7, ALB 38.0+-5.3, multiple 28.9%, size 1.98+-0.70, ")
                .append("cirrhosis 89.5%, HBsAg 92.1%; non-ER: 54.3+-12.4, 41.0+-6.1, 7.6%, 1.73+-0.70, 75.0%, 78.8%)\"\n");
        b.append("  },\n");
        b.append("  \"oracle_auc\": ").append(num(oracleAuc)).append(",\n");
        b.append("  \"expected_oracle_auc\": ").append(num(expectedAuc)).append(",\n");
        b.append("  \"sequence_drive_auc\": {");
        sep = "";
        for (MrSequence q : MrSequence.STUDY) {
            b.append(sep).append('"').append(q).append("\": ").append(num(seqAuc.get(q)));
            sep = ", ";
        }
        b.append("},\n");
        b.append("  \"reader_b_cases\": [");
        sep = "";
        for (String id : readerB) {
            b.append(sep).append('"').append(id).append('"');
            sep = ", ";
        }
        b.append("]\n}\n");
        return b.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }
}
