package org.radstream.preprocessing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.radstream.imaging.sequence.MrSequence;

/**
 * What preprocessing needs of a received study, without Avro: the series per sequence and the readers' ROIs.
 *
 * @param caseId pseudonymous case id
 * @param series series folder per sequence
 * @param rois   every ROI delivered with the study
 */
public record StudyInput(String caseId, Map<MrSequence, Series> series, List<Roi> rois) {

    public StudyInput {
        Objects.requireNonNull(caseId, "caseId");
        series = Map.copyOf(series);
        rois = List.copyOf(rois);
    }

    /**
     * @param uri       blob-store URI of the series folder
     * @param seriesRef pseudonymous series reference (provenance)
     */
    public record Series(URI uri, String seriesRef) {
        public Series {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(seriesRef, "seriesRef");
        }
    }

    /**
     * @param reader  who drew it ("A" or "B")
     * @param drawnOn sequence the ROI was drawn on
     * @param uri     blob-store URI of the mask file
     * @param label   label value (or SEG segment number) of the tumour
     */
    public record Roi(String reader, MrSequence drawnOn, URI uri, int label) {
        public Roi {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(drawnOn, "drawnOn");
            Objects.requireNonNull(uri, "uri");
        }
    }
}
