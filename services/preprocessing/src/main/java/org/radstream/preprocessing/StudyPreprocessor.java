package org.radstream.preprocessing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.radstream.imaging.ImageInputException;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.dicom.DicomSeriesReader;
import org.radstream.imaging.dicom.SeriesVolume;
import org.radstream.imaging.preprocess.PreprocessedRoi;
import org.radstream.imaging.preprocess.RoiPreprocessor;
import org.radstream.imaging.roi.CrossSection;
import org.radstream.imaging.roi.RoiLoader;
import org.radstream.imaging.sequence.MrSequence;
import org.radstream.streaming.blob.BlobStore;
import org.radstream.streaming.dlq.ReasonCode;

/**
 * Step 1 of the study for one received study, Kafka-free: for every sequence and every reader who drew a ROI,
 * read the series ({@link DicomSeriesReader}), carry the reader's ROI onto it by patient coordinates
 * ({@link RoiLoader}: NIfTI/NRRD through {@code RoiMapper}, DICOM SEG after a frame-of-reference check) and run
 * the study's preprocessing ({@link RoiPreprocessor}: z-score, 1 mm resampling, crop + padding).
 *
 * <p>Which ROI a reader contributes to a sequence: the one drawn on that sequence if delivered, otherwise the
 * one drawn on the study's reference sequences DP, then T2WI, then any other in study order
 * ({@link #roiFor}). Reader A must have drawn at least one ROI; reader B only re-draws some cases.
 *
 * <p>All or nothing: one bad input (missing sequence, unreadable series, empty mask, mask outside the image,
 * frame-of-reference mismatch) rejects the whole study with its {@link ReasonCode}, because downstream a case
 * needs all five sequences and a partial case would wait forever.
 */
public final class StudyPreprocessor {

    /** Where a reader's ROI is looked for when none was drawn on the target sequence. */
    static final List<MrSequence> REFERENCE_ORDER = List.of(MrSequence.DP, MrSequence.T2WI, MrSequence.T1WI,
            MrSequence.AP, MrSequence.PVP);

    private final RoiPreprocessor preprocessor;
    private final BlobStore blobs;

    public StudyPreprocessor(RoiPreprocessor preprocessor, BlobStore blobs) {
        this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    /**
     * @return one output per (sequence, reader), sequences in study order, readers A before B
     * @throws PreprocessingRejected when any input is bad (reason code and message naming the file)
     */
    public List<RoiOutput> preprocess(StudyInput study) throws PreprocessingRejected {
        for (MrSequence s : MrSequence.STUDY) {
            if (!study.series().containsKey(s)) {
                throw new PreprocessingRejected(ReasonCode.MISSING_SEQUENCE, "study has no " + s + " series (has "
                        + new TreeSet<>(study.series().keySet()) + ")", null);
            }
        }
        TreeSet<String> readers = new TreeSet<>();
        study.rois().forEach(r -> readers.add(r.reader()));
        if (!readers.contains("A")) {
            throw new PreprocessingRejected(ReasonCode.MISSING_ROI, "study has no ROI from reader A", null);
        }
        List<RoiOutput> out = new ArrayList<>();
        for (MrSequence s : MrSequence.STUDY) {
            StudyInput.Series ref = study.series().get(s);
            SeriesVolume series = readSeries(s, ref.uri());
            for (String reader : readers) {
                StudyInput.Roi roi = roiFor(study.rois(), reader, s).orElseThrow();
                PreprocessedRoi p = preprocessRoi(series, s, roi);
                out.add(new RoiOutput(study.caseId(), s, reader, ref.seriesRef(), roi.uri(), p,
                        CrossSection.maximum(p.mask(), 1).slice()));
            }
        }
        return out;
    }

    /** The ROI {@code reader} contributes to {@code target}: drawn on it, else on DP, T2WI, … (see class doc). */
    static Optional<StudyInput.Roi> roiFor(List<StudyInput.Roi> rois, String reader, MrSequence target) {
        List<StudyInput.Roi> mine = rois.stream().filter(r -> r.reader().equals(reader)).toList();
        for (MrSequence s : preference(target)) {
            for (StudyInput.Roi r : mine) {
                if (r.drawnOn() == s) {
                    return Optional.of(r);
                }
            }
        }
        return mine.stream().findFirst();
    }

    private static List<MrSequence> preference(MrSequence target) {
        List<MrSequence> order = new ArrayList<>();
        order.add(target);
        REFERENCE_ORDER.stream().filter(s -> s != target).forEach(order::add);
        return order;
    }

    private SeriesVolume readSeries(MrSequence s, URI uri) throws PreprocessingRejected {
        try {
            return DicomSeriesReader.readSingleSeries(blobs.localPath(uri));
        } catch (ImageInputException e) {
            ReasonCode reason = e.reason() == ImageInputException.Reason.UNSUPPORTED
                    ? ReasonCode.UNSUPPORTED_TRANSFER_SYNTAX : ReasonCode.CORRUPT_DICOM;
            throw new PreprocessingRejected(reason, s + " series " + uri + ": " + e.getMessage(), e);
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new PreprocessingRejected(ReasonCode.BLOB_NOT_FOUND, s + " series " + uri + ": " + e.getMessage(), e);
        } catch (IOException e) {
            // anything else the DICOM reader hits while parsing (PixelMed wraps its errors in IOException)
            throw new PreprocessingRejected(ReasonCode.CORRUPT_DICOM, s + " series " + uri + ": " + e, e);
        }
    }

    private PreprocessedRoi preprocessRoi(SeriesVolume series, MrSequence s, StudyInput.Roi roi) throws PreprocessingRejected {
        String what = "reader " + roi.reader() + " ROI " + roi.uri() + " (drawn on " + roi.drawnOn() + ") on " + s;
        Path file;
        try {
            file = blobs.localPath(roi.uri());
            LabelMap mask = RoiLoader.load(file, series, roi.label());
            return preprocessor.preprocess(series.volume(), mask, file, List.of(), "reader_" + roi.reader());
        } catch (ImageInputException e) {
            throw new PreprocessingRejected(reasonOfMask(e.reason(), roi.uri()), what + ": " + e.getMessage(), e);
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new PreprocessingRejected(ReasonCode.BLOB_NOT_FOUND, what + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PreprocessingRejected(isDicom(roi.uri()) ? ReasonCode.CORRUPT_DICOM : ReasonCode.PROCESSING_ERROR,
                    what + ": " + e, e);
        }
    }

    /** The dead-letter reason of a mask problem found by the imaging library. */
    static ReasonCode reasonOfMask(ImageInputException.Reason r, URI uri) {
        return switch (r) {
            case EMPTY_MASK -> ReasonCode.EMPTY_MASK;
            case MASK_OUTSIDE_IMAGE -> ReasonCode.MASK_OUTSIDE_IMAGE;
            case FRAME_OF_REFERENCE_MISMATCH, INCONSISTENT_GEOMETRY -> ReasonCode.GEOMETRY_MISMATCH;
            case UNSUPPORTED -> isDicom(uri) ? ReasonCode.UNSUPPORTED_TRANSFER_SYNTAX : ReasonCode.PROCESSING_ERROR;
            default -> isDicom(uri) ? ReasonCode.CORRUPT_DICOM : ReasonCode.PROCESSING_ERROR;
        };
    }

    private static boolean isDicom(URI uri) {
        String p = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        return !(p.endsWith(".nii") || p.endsWith(".nii.gz") || p.endsWith(".nrrd") || p.endsWith(".nhdr"));
    }
}
