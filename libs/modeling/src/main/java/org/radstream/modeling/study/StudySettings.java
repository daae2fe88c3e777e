package org.radstream.modeling.study;

import org.radstream.modeling.ModelingException;
import org.radstream.modeling.icc.ReproducibilityGate;
import org.radstream.modeling.selection.SelectionSettings;

/**
 * Settings of the whole analysis, defaults as the study: ICC(2,1) &gt; 0.75 gate, 7:3 split, selection as
 * {@link SelectionSettings#DEFAULT}, clinical variables entering the multivariate model at univariate
 * p &lt; 0.05, 10 calibration groups, seed 7 (split, CV folds and forests derive their seeds from it).
 */
public record StudySettings(ReproducibilityGate.Settings icc, double trainFraction, SelectionSettings selection,
                            double clinicalAlpha, int calibrationGroups, long seed) {
    public static final StudySettings DEFAULT = new StudySettings(ReproducibilityGate.Settings.DEFAULT, 0.7,
            SelectionSettings.DEFAULT, 0.05, 10, 7);

    public StudySettings {
        if (!(clinicalAlpha > 0 && clinicalAlpha < 1)) {
            throw new ModelingException("clinical alpha must be in (0, 1); got " + clinicalAlpha);
        }
        if (calibrationGroups < 3) {
            throw new ModelingException("calibration needs at least 3 groups; got " + calibrationGroups);
        }
    }

    public StudySettings withSeed(long s) {
        return new StudySettings(icc, trainFraction, selection.withSeed(s), clinicalAlpha, calibrationGroups, s);
    }

    public StudySettings withIcc(ReproducibilityGate.Settings g) {
        return new StudySettings(g, trainFraction, selection, clinicalAlpha, calibrationGroups, seed);
    }

    public StudySettings withSelection(SelectionSettings sel) {
        return new StudySettings(icc, trainFraction, sel, clinicalAlpha, calibrationGroups, seed);
    }
}
