package org.radstream.modeling.icc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.radstream.modeling.ModelingException;

/**
 * The study's reproducibility gate (DESIGN §1 step 4): per feature, the ICC between readers on the
 * re-segmented cases; a feature is kept when its ICC exceeds the threshold.
 */
public final class ReproducibilityGate {
    /**
     * @param form      ICC form, default {@link IccForm#ICC2_1} (two-way random, absolute agreement, single rater)
     * @param threshold keep when ICC &gt; threshold, default 0.75
     */
    public record Settings(IccForm form, double threshold) {
        public static final Settings DEFAULT = new Settings(IccForm.ICC2_1, 0.75);

        public Settings {
            if (form == null) {
                throw new ModelingException("ICC form is required");
            }
            if (!(threshold >= -1 && threshold <= 1)) {
                throw new ModelingException("ICC threshold must be in [-1, 1]; got " + threshold);
            }
        }

        public Settings withThreshold(double t) {
            return new Settings(form, t);
        }

        public Settings withForm(IccForm f) {
            return new Settings(f, threshold);
        }
    }

    /** One feature's ICC and gate decision. A feature whose ICC is undefined (no variance) is not kept. */
    public record FeatureIcc(String feature, IccResult icc, boolean kept) {
    }

    private final Settings settings;

    public ReproducibilityGate(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * @param readerA feature → values of reader A on the paired cases
     * @param readerB feature → values of reader B on the same cases in the same order
     */
    public Map<String, FeatureIcc> evaluate(Map<String, double[]> readerA, Map<String, double[]> readerB) {
        Map<String, FeatureIcc> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : readerA.entrySet()) {
            double[] b = readerB.get(e.getKey());
            if (b == null) {
                throw new ModelingException("feature " + e.getKey() + " is missing for reader B");
            }
            IccResult r = Icc.twoReaders(e.getValue(), b).compute(settings.form());
            boolean kept = Double.isFinite(r.icc()) && r.icc() > settings.threshold();
            out.put(e.getKey(), new FeatureIcc(e.getKey(), r, kept));
        }
        return out;
    }
}
