package org.radstream.ingestion;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.radstream.events.Reader;
import org.radstream.events.RoiFormat;
import org.radstream.events.Sequence;

/**
 * The ROI file naming of the synthetic cohort (and of a folder import): {@code <SEQUENCE>_reader_<a|b>.<ext>} in
 * the study's {@code roi/} folder, e.g. {@code DP_reader_a.seg.dcm}, {@code T2WI_reader_b.nii.gz}; extensions
 * {@code .seg.dcm} / {@code .dcm} (DICOM SEG), {@code .nii.gz} / {@code .nii} (NIfTI), {@code .nrrd} /
 * {@code .nhdr} (NRRD). Case-insensitive.
 *
 * @param drawnOn sequence the ROI was drawn on
 * @param reader  reader A or B
 * @param format  file format
 */
record RoiFileName(Sequence drawnOn, Reader reader, RoiFormat format) {

    private static final Pattern NAME = Pattern.compile(
            "(T1WI|T2WI|AP|PVP|DP)_reader_([AB])\\.(seg\\.dcm|dcm|nii\\.gz|nii|nrrd|nhdr)", Pattern.CASE_INSENSITIVE);

    static Optional<RoiFileName> parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        String ext = m.group(3).toLowerCase(Locale.ROOT);
        RoiFormat f = ext.endsWith("dcm") ? RoiFormat.DICOM_SEG
                : ext.startsWith("nii") ? RoiFormat.NIFTI : RoiFormat.NRRD;
        return Optional.of(new RoiFileName(Sequence.valueOf(m.group(1).toUpperCase(Locale.ROOT)),
                Reader.valueOf(m.group(2).toUpperCase(Locale.ROOT)), f));
    }

    /** File extension to keep in the blob store. */
    static String extension(RoiFormat f, Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return switch (f) {
            case DICOM_SEG, DICOM_RTSTRUCT -> ".dcm";
            case NIFTI -> n.endsWith(".gz") ? ".nii.gz" : ".nii";
            case NRRD -> n.endsWith(".nhdr") ? ".nhdr" : ".nrrd";
        };
    }
}
