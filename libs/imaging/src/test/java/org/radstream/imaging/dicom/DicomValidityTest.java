package org.radstream.imaging.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;

/** Written MR slices and SEGs pass dicom3tools' dciodvfy without "Error" lines (skipped where dciodvfy is absent). */
class DicomValidityTest {

    @TempDir
    Path tmp;

    @Test
    void mrSeriesAndSegPassDciodvfy() throws Exception {
        assumeTrue(Dciodvfy.available(), "dciodvfy (dicom3tools) not installed");
        Geometry g = Geometry.of(16, 12, 3, 1.2, 1.2, 5);
        MrSeriesInfo info = TestSeries.info("valid", "Ax LAVA AP");
        List<Path> files = MrSeriesWriter.write(tmp.resolve("mr"), info, TestSeries.indexed(g));
        int[] m = new int[g.voxelCount()];
        m[g.index(3, 4, 1)] = 1;
        m[g.index(4, 4, 1)] = 1;
        List<String> sops = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            sops.add(info.seriesInstanceUid() + "." + k);
        }
        Path seg = tmp.resolve("seg.dcm");
        SegWriter.write(seg, info, sops, new LabelMap(g, m), Uids.fromName("seg"), 99, "READER_B");
        assertEquals(List.of(), Dciodvfy.errors(files.get(0)));
        assertEquals(List.of(), Dciodvfy.errors(seg));
    }
}
