package org.radstream.preprocessing;

import java.net.URI;
import java.util.Objects;

import org.radstream.imaging.preprocess.PreprocessedRoi;
import org.radstream.imaging.sequence.MrSequence;

/**
 * One preprocessed ROI of a study: what becomes one {@code PreprocessedRoi} event.
 *
 * @param caseId    pseudonymous case id
 * @param sequence  sequence of the image
 * @param reader    reader whose ROI the mask is ("A" or "B")
 * @param seriesRef pseudonymous reference of the source series
 * @param roiUri    URI of the mask the ROI came from
 * @param roi       the library's result (image, mask, settings hash)
 * @param roiSlice  z index of the ROI's maximum cross-section in the cropped grid
 */
public record RoiOutput(String caseId, MrSequence sequence, String reader, String seriesRef, URI roiUri,
        PreprocessedRoi roi, int roiSlice) {
    public RoiOutput {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(seriesRef, "seriesRef");
        Objects.requireNonNull(roiUri, "roiUri");
        Objects.requireNonNull(roi, "roi");
    }
}
