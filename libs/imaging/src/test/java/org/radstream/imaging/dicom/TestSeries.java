package org.radstream.imaging.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TransferSyntax;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.Volume;

/** Test factory: small synthetic MR series written with {@link MrSeriesWriter}. */
final class TestSeries {
    private TestSeries() {
    }

    static MrSeriesInfo info(String name, String description) {
        return new MrSeriesInfo("PSEUDO-" + name, "M", 60, Uids.fromName("study " + name), LocalDate.of(2020, 1, 2), "1",
                Uids.fromName("for " + name), Uids.fromName("series " + name + description), 3, description, description,
                "", LocalTime.of(10, 0), "GE MEDICAL SYSTEMS", "Signa HDxt", 1.5, "SE", "SK", 4000, 90, 90);
    }

    /** Voxel value = 100·k + 10·j + i, so every voxel's index can be recovered. */
    static Volume indexed(Geometry g) {
        float[] v = new float[g.voxelCount()];
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    v[g.index(i, j, k)] = 100 * k + 10 * j + i;
                }
            }
        }
        return new Volume(g, v);
    }

    static void rewrite(Path file, java.util.function.Consumer<AttributeList> edit) throws IOException {
        try {
            AttributeList l = new AttributeList();
            l.read(file.toFile());
            edit.accept(l);
            l.removeGroupLengthAttributes();
            l.removeMetaInformationHeaderAttributes();
            FileMetaInformation.addFileMetaInformation(l, TransferSyntax.ExplicitVRLittleEndian, "TEST");
            l.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new IOException(e);
        }
    }
}
