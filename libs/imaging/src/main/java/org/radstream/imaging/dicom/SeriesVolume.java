package org.radstream.imaging.dicom;

import java.util.List;

import org.radstream.imaging.Volume;

/**
 * A series read into voxels.
 *
 * @param series      the descriptor it was read from
 * @param volume      rescaled voxels on the series grid (slice k = {@code frames.get(k)})
 * @param frames      the image planes in volume order (sorted along the slice normal)
 */
public record SeriesVolume(DicomSeries series, Volume volume, List<DicomFrame> frames) {
    public SeriesVolume {
        frames = List.copyOf(frames);
    }
}
