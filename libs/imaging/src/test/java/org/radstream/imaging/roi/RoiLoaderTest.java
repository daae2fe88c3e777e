package org.radstream.imaging.roi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.imaging.dicom.DicomSeriesReader;
import org.radstream.imaging.dicom.MrSeriesInfo;
import org.radstream.imaging.dicom.MrSeriesWriter;
import org.radstream.imaging.dicom.SegWriter;
import org.radstream.imaging.dicom.SeriesVolume;
import org.radstream.imaging.dicom.Uids;
import org.radstream.imaging.io.NiftiWriter;

/** The same ROI saved as DICOM SEG, NIfTI and NRRD (RAS, flipped x) loads onto the same series voxels. */
class RoiLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void segNiftiAndNrrdAgree() throws Exception {
        Geometry g = Geometry.of(6, 5, 3, 1, 1, 3);
        MrSeriesInfo info = new MrSeriesInfo("P", "M", 61, Uids.fromName("st"), LocalDate.of(2021, 5, 1), "1", Uids.fromName("fr"),
                Uids.fromName("se"), 7, "AX LAVA DELAY", "LAVA", "Gd", LocalTime.NOON, "GE MEDICAL SYSTEMS", "Signa", 1.5, "GR", "SP",
                4, 2, 12);
        MrSeriesWriter.write(tmp.resolve("s"), info, new Volume(g, new float[g.voxelCount()]));
        SeriesVolume sv = DicomSeriesReader.readSingleSeries(tmp.resolve("s"));
        int[] m = new int[g.voxelCount()];
        m[g.index(1, 1, 1)] = 1;
        m[g.index(2, 1, 1)] = 1;
        m[g.index(4, 3, 1)] = 1;
        LabelMap mask = new LabelMap(g, m);
        List<String> sops = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            sops.add(info.seriesInstanceUid() + "." + k);
        }
        Path seg = tmp.resolve("roi.seg.dcm");
        SegWriter.write(seg, info, sops, mask, Uids.fromName("seg"), 901, "READER_A");
        Path nii = tmp.resolve("roi.nii.gz");
        NiftiWriter.write(nii, mask);
        // NRRD in RAS with the x axis reversed: index i' = 5 − i, RAS x = −(LPS x) = −(5 − i') → direction (1,0,0), origin (−5,0,0)
        StringBuilder data = new StringBuilder();
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 5; j++) {
                for (int ip = 0; ip < 6; ip++) {
                    data.append(m[g.index(5 - ip, j, k)]).append(' ');
                }
            }
        }
        Path nrrd = Files.writeString(tmp.resolve("roi.nrrd"), "NRRD0004\ntype: uchar\ndimension: 3\nspace: right-anterior-superior\n"
                + "sizes: 6 5 3\nspace directions: (1,0,0) (0,-1,0) (0,0,3)\nspace origin: (-5,0,0)\nencoding: ascii\n\n" + data);
        for (Path roi : List.of(seg, nii, nrrd)) {
            LabelMap loaded = RoiLoader.load(roi, sv, 1);
            assertArrayEquals(m, loaded.labels(), roi.toString());
        }
        assertEquals(3, RoiLoader.load(nrrd, sv, 1).count(1));
    }
}
