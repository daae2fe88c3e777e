package org.radstream.imaging.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the clinical variables of one outcome group so that the group matches {@link Table1}: binary
 * variables get exactly {@code round(p·n)} positives at random positions; continuous ones are drawn
 * normal, then rescaled to the target mean and SD and clipped to their bounds (repeated until stable),
 * then rounded as recorded (age to 1 y, ALB and size to 0.1).
 */
final class ClinicalGenerator {

    private ClinicalGenerator() {
    }

    /** Values for n patients of one group; case IDs are assigned by the caller. */
    static List<ClinicalRecord> draw(Table1 t, int n, SplittableRandom rnd, List<String> caseIds) {
        double[] age = matched(rnd, n, t.ageMean(), t.ageSd(), Table1.AGE_BOUNDS, 1);
        double[] alb = matched(rnd, n, t.albMean(), t.albSd(), Table1.ALB_BOUNDS, 10);
        double[] size = matched(rnd, n, t.sizeMean(), t.sizeSd(), Table1.SIZE_BOUNDS, 10);
        boolean[] multiple = exactly(rnd, n, t.multipleTumours());
        boolean[] cirrhosis = exactly(rnd, n, t.cirrhosis());
        boolean[] hbsag = exactly(rnd, n, t.hbsag());
        boolean[] male = exactly(rnd, n, Table1.MALE);
        boolean[] childA = exactly(rnd, n, Table1.CHILD_PUGH_A);
        List<ClinicalRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double afp = Math.exp(Table1.AFP_LOG_MEDIAN + Table1.AFP_LOG_SD * rnd.nextGaussian());
            double alt = Math.max(8, 42 + 22 * rnd.nextGaussian());
            double ast = Math.max(8, 46 + 24 * rnd.nextGaussian());
            double tbil = Math.max(3, 15 + 6 * rnd.nextGaussian());
            int number = multiple[i] ? (rnd.nextDouble() < 0.7 ? 2 : 3) : 1;
            double u = rnd.nextDouble();
            String location = u < 0.70 ? "right" : u < 0.95 ? "left" : "caudate";
            out.add(new ClinicalRecord(caseIds.get(i), (int) age[i], male[i] ? "M" : "F", alb[i], round(afp, 10), round(alt, 10),
                    round(ast, 10), round(tbil, 10), hbsag[i], childA[i] ? "A" : "B", cirrhosis[i], number, size[i], location));
        }
        return out;
    }

    /** n booleans with exactly round(p·n) true, in random order. */
    static boolean[] exactly(SplittableRandom rnd, int n, double p) {
        int k = (int) Math.round(p * n);
        boolean[] b = new boolean[n];
        for (int i = 0; i < k; i++) {
            b[i] = true;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates
            int j = rnd.nextInt(i + 1);
            boolean tmp = b[i];
            b[i] = b[j];
            b[j] = tmp;
        }
        return b;
    }

    /** Normal draws moved to the target mean and SD (n − 1), clipped to bounds, rounded to 1/scale. */
    static double[] matched(SplittableRandom rnd, int n, double mean, double sd, double[] bounds, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        for (int iter = 0; iter < 50; iter++) {
            double m = 0;
            for (double v : x) {
                m += v;
            }
            m /= n;
            double ss = 0;
            for (double v : x) {
                ss += (v - m) * (v - m);
            }
            double s = n > 1 ? Math.sqrt(ss / (n - 1)) : 1;
            for (int i = 0; i < n; i++) {
                double target = mean + (s > 0 ? sd * (x[i] - m) / s : 0);
                x[i] = Math.max(bounds[0], Math.min(bounds[1], target));
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] = round(x[i], scale);
        }
        return x;
    }

    static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
