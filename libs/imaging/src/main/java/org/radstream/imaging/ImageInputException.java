package org.radstream.imaging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Bad imaging input: names the file, the header field or attribute at fault, and why. The
 * {@link Reason} is a stable code that services can forward (e.g. as a dead-letter reason) without
 * parsing the message; the message never contains voxel data or patient identifiers.
 */
public class ImageInputException extends IOException {

    /** Why the input was rejected. */
    public enum Reason {
        /** Not a file of the expected format (wrong magic number, not DICOM, unparsable header). */
        NOT_RECOGNISED,
        /** The file ends before the header or the pixel data it announces. */
        TRUNCATED,
        /** A header field holds a value this reader does not support (datatype, encoding, transfer syntax). */
        UNSUPPORTED,
        /** A required header field is absent or malformed. */
        MISSING_FIELD,
        /** DICOM modality other than MR. */
        NON_MR_MODALITY,
        /** Geometry absent or inconsistent: irregular slice spacing, mixed orientations, sheared axes. */
        INCONSISTENT_GEOMETRY,
        /** A mask has no foreground voxel. */
        EMPTY_MASK,
        /** A mask's foreground lies (partly) outside the image it is mapped onto. */
        MASK_OUTSIDE_IMAGE,
        /** Mask and image do not share a DICOM frame of reference. */
        FRAME_OF_REFERENCE_MISMATCH,
        /** NaN or infinite voxel value (e.g. after rescale slope/intercept). */
        NON_FINITE_VALUE,
        /** One series was expected but the input holds several (or none). */
        NOT_ONE_SERIES,
    }

    private final transient Path file;
    private final String field;
    private final Reason reason;

    public ImageInputException(Path file, String field, Reason reason, String detail) {
        this(file, field, reason, detail, null);
    }

    public ImageInputException(Path file, String field, Reason reason, String detail, Throwable cause) {
        super(file + ": " + field + ": " + detail + " [" + reason + "]", cause);
        this.file = file;
        this.field = Objects.requireNonNull(field);
        this.reason = Objects.requireNonNull(reason);
    }

    /** The offending file (may be a directory for series-level problems). */
    public Path file() {
        return file;
    }

    /** Header field, DICOM attribute or other named part of the input at fault. */
    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }
}
