package org.radstream.radiomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.dicom.DicomSeriesReader;
import org.radstream.imaging.dicom.SeriesVolume;
import org.radstream.imaging.preprocess.PreprocessedRoi;
import org.radstream.imaging.preprocess.PreprocessingSettings;
import org.radstream.imaging.preprocess.RoiPreprocessor;
import org.radstream.imaging.roi.RoiLoader;
import org.radstream.imaging.sequence.MrSequence;
import org.radstream.imaging.synth.CohortGenerator;
import org.radstream.imaging.synth.CohortSettings;

/**
 * The paper profile on every ROI of the synthetic cohort (libs/imaging's generator, default settings:
 * 90 patients, 5 sequences, reader A for all and reader B for 15): DICOM series + DICOM SEG ROI, the study's
 * preprocessing (z-score, 1 mm, crop with neighbourhood), then extraction — exactly 1316 names, all finite.
 * Runs in {@code mvn verify} (it generates and reads some 450 DICOM series).
 */
class SyntheticCohortIT {

    @Test
    void paperProfileOnEveryCohortRoi(@TempDir Path dir) throws IOException {
        CohortGenerator.generate(CohortSettings.defaults(), dir);
        RadiomicsExtractor extractor = new RadiomicsExtractor(ParameterSet.paper1316());
        RoiPreprocessor pre = new RoiPreprocessor(PreprocessingSettings.STUDY);
        List<String> problems = new ArrayList<>();
        int rois = 0;
        List<Path> patients;
        try (Stream<Path> s = Files.list(dir.resolve("patients"))) {
            patients = s.sorted().toList();
        }
        for (Path p : patients) {
            for (MrSequence seq : MrSequence.STUDY) {
                SeriesVolume series = DicomSeriesReader.readSingleSeries(p.resolve(seq.name()));
                for (String reader : List.of("a", "b")) {
                    Path roiFile = p.resolve("roi").resolve(seq.name() + "_reader_" + reader + ".seg.dcm");
                    if (!Files.exists(roiFile)) {
                        continue;
                    }
                    LabelMap roi = RoiLoader.load(roiFile, series, 1);
                    PreprocessedRoi r = pre.preprocess(series.volume(), roi, roiFile,
                            List.of(series.series().seriesInstanceUid()), "reader_" + reader);
                    FeatureVector fv = extractor.extract(r.image(), r.mask());
                    rois++;
                    if (fv.features().size() != 1316) {
                        problems.add(p.getFileName() + "/" + seq + "/" + reader + ": " + fv.features().size() + " features");
                    }
                    for (Map.Entry<String, Double> e : fv.features().entrySet()) {
                        if (!Double.isFinite(e.getValue())) {
                            problems.add(p.getFileName() + "/" + seq + "/" + reader + ": " + e.getKey() + " = " + e.getValue()
                                    + " (" + fv.nanReasons().get(e.getKey()) + ")");
                        }
                    }
                }
            }
        }
        System.out.println(rois + " ROIs extracted, problems: " + problems.size());
        assertTrue(rois >= 90 * 5, "ROIs found: " + rois);
        assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())));
    }
}
