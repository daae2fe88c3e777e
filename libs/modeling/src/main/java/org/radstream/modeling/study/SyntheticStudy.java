package org.radstream.modeling.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded synthetic study with real signal, written in the analyze input formats (for tests and demos;
 * the imaging cohort generator makes the realistic one): 90 cases (38 ER), five
 * sequences × 30 features (8 informative through a latent risk, correlated copies, noise, one constant
 * feature, one with a NaN), reader B for 15 cases (small noise; 4 features with large noise that must fail
 * the ICC gate), clinical values drawn per group like the study's Table 1.
 */
public final class SyntheticStudy {
    public static final int CASES = 90;
    public static final int EVENTS = 38;
    public static final int FEATURES = 30;

    private SyntheticStudy() {
    }

    public record Files4(Path featuresA, Path featuresB, Path clinical, Path outcomes) {
    }

    public static Files4 write(Path dir, long seed) {
        return write(dir, seed, FEATURES);
    }

    /** As {@link #write(Path, long)} with more noise features per sequence (e.g. 1316, the study's count). */
    public static Files4 write(Path dir, long seed, int featuresPerSequence) {
        if (featuresPerSequence < FEATURES) {
            throw new IllegalArgumentException("at least " + FEATURES + " features per sequence");
        }
        final int nf = featuresPerSequence;
        Random r = new Random(seed);
        List<String> ids = new ArrayList<>();
        int[] y = new int[CASES];
        double[] latent = new double[CASES];
        for (int i = 0; i < CASES; i++) {
            ids.add(String.format(Locale.ROOT, "case-%03d", i + 1));
            y[i] = i < EVENTS ? 1 : 0;
            latent[i] = (y[i] == 1 ? 0.9 : -0.65) + r.nextGaussian();
        }
        StringBuilder header = new StringBuilder("caseId,sequence,image,mask");
        for (int k = 0; k < nf; k++) {
            header.append(",original_feature").append(k);
        }
        StringBuilder a = new StringBuilder(header).append('\n');
        StringBuilder b = new StringBuilder(header).append('\n');
        int s = 0;
        for (Sequence seq : Sequence.values()) {
            double strength = 0.35 + 0.08 * s++;
            for (int i = 0; i < CASES; i++) {
                double[] v = new double[nf];
                for (int k = 0; k < nf; k++) {
                    if (k < 8) {
                        v[k] = 10 + k + strength * latent[i] * (1 + 0.1 * k) + r.nextGaussian();
                    } else if (k < 12) {
                        v[k] = v[k - 8] * 1.5 + 0.05 * r.nextGaussian(); // near copies (Spearman removes)
                    } else if (k == 12) {
                        v[k] = 3.0; // constant
                    } else {
                        v[k] = Math.exp(0.3 * r.nextGaussian()) * (k + 1); // noise
                    }
                }
                row(a, ids.get(i), seq, v, seq == Sequence.T2WI && i == 5 ? 14 : -1);
                if (i % 6 == 0) { // 15 re-segmented cases
                    double[] w = v.clone();
                    for (int k = 0; k < nf; k++) {
                        w[k] += (k >= 26 && k < FEATURES ? 2.5 : 0.05) * r.nextGaussian() * Math.max(1, Math.abs(v[k]) * 0.1);
                    }
                    row(b, ids.get(i), seq, w, -1);
                }
            }
        }
        StringBuilder c = new StringBuilder("caseId,age,sex,alb,afp,alt,ast,tbil,hbsag,child_pugh,cirrhosis,tumor_number,tumor_size_cm,tumor_location\n");
        StringBuilder o = new StringBuilder("caseId,early_recurrence,followup_months\n");
        String[] loc = {"right lobe", "left lobe", "caudate"};
        for (int i = 0; i < CASES; i++) {
            boolean er = y[i] == 1;
            double age = (er ? 59.3 : 54.3) + (er ? 8.7 : 12.4) * r.nextGaussian();
            double alb = (er ? 38.0 : 41.0) + (er ? 5.3 : 6.1) * r.nextGaussian() - 1.2 * latent[i];
            int number = r.nextDouble() < (er ? 0.289 : 0.076) ? 2 + r.nextInt(2) : 1;
            c.append(String.format(Locale.ROOT, "%s,%.1f,%s,%.1f,%.1f,%.0f,%.0f,%.1f,%s,%s,%s,%d,%.2f,%s%n", ids.get(i), age,
                    r.nextDouble() < 0.8 ? "M" : "F", alb, Math.exp(2.5 + 1.5 * r.nextGaussian()), 40 + 15 * Math.abs(r.nextGaussian()),
                    38 + 14 * Math.abs(r.nextGaussian()), 14 + 5 * Math.abs(r.nextGaussian()),
                    r.nextDouble() < (er ? 0.921 : 0.788) ? "positive" : "negative", r.nextDouble() < 0.9 ? "A" : "B",
                    r.nextDouble() < (er ? 0.895 : 0.75) ? "yes" : "no", number, Math.max(0.5, (er ? 1.98 : 1.73) + 0.7 * r.nextGaussian()),
                    loc[r.nextInt(3)]));
            o.append(ids.get(i)).append(',').append(y[i]).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", er ? 3 + 20 * r.nextDouble() : 24 + 30 * r.nextDouble())).append('\n');
        }
        try {
            Files.createDirectories(dir);
            Files4 f = new Files4(dir.resolve("features_a.csv"), dir.resolve("features_b.csv"), dir.resolve("clinical.csv"),
                    dir.resolve("outcomes.csv"));
            Files.writeString(f.featuresA(), a);
            Files.writeString(f.featuresB(), b);
            Files.writeString(f.clinical(), c);
            Files.writeString(f.outcomes(), o);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(StringBuilder sb, String id, Sequence seq, double[] v, int nanAt) {
        sb.append(id).append(',').append(seq).append(",img/").append(id).append(".nii.gz,mask/").append(id).append(".nii.gz");
        for (int k = 0; k < v.length; k++) {
            sb.append(',').append(k == nanAt ? "NaN" : Double.toString(v[k]));
        }
        sb.append('\n');
    }
}
