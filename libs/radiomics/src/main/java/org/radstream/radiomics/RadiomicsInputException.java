package org.radstream.radiomics;

import java.util.Objects;

/**
 * Input that PyRadiomics would also refuse (it raises {@code ValueError}): the {@link Reason} is a
 * stable code, the message names the input, the field and why. Never contains voxel data.
 */
public class RadiomicsInputException extends IllegalArgumentException {

    /** Why the extraction was refused. */
    public enum Reason {
        /** The requested label does not occur in the mask. */
        LABEL_NOT_PRESENT,
        /** The ROI has fewer voxels than {@code minimumROISize} requires (PyRadiomics: size &lt;= minimum). */
        ROI_TOO_SMALL,
        /** The ROI spans fewer dimensions than {@code minimumROIDimensions}, or is a single voxel. */
        ROI_TOO_FEW_DIMENSIONS,
        /** Resegmentation left one voxel or none. */
        RESEGMENTATION_EMPTY,
        /** Image and mask grids differ beyond {@code geometryTolerance}. */
        GEOMETRY_MISMATCH,
        /** NaN or infinite intensity inside the image. */
        NON_FINITE_INTENSITY,
        /** A key, image type, feature class or feature name a PyRadiomics parameter file may not contain. */
        UNKNOWN_PARAMETER,
        /** A known parameter with a value outside its documented range or type. */
        INVALID_PARAMETER,
    }

    private final Reason reason;
    private final String field;

    public RadiomicsInputException(Reason reason, String field, String message) {
        super(field + ": " + message + " [" + reason + "]");
        this.reason = Objects.requireNonNull(reason);
        this.field = Objects.requireNonNull(field);
    }

    public Reason reason() {
        return reason;
    }

    /** The setting, file or part of the input at fault. */
    public String field() {
        return field;
    }
}
