package org.radstream.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import org.radstream.imaging.synth.CohortGenerator;
import org.radstream.imaging.synth.CohortSettings;

/** Synthetic cohorts for tests (the imaging library's generator) and ways to damage them. */
final class Cohorts {

    private Cohorts() {
    }

    /** Generates {@code patients} patients (half with ER, all re-drawn by reader B) with 8 slices per series. */
    static Path generate(Path dir, int patients) throws IOException {
        CohortGenerator.generate(CohortSettings.defaults().with(patients, patients / 2, 1).withSlices(8)
                .withReaderBCases(patients).withThreads(2), dir);
        return dir;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(p -> {
                try {
                    Path t = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Rewrites SeriesDescription and ProtocolName of every file in a series folder. */
    static void renameSeries(Path seriesDir, String description) throws Exception {
        try (Stream<Path> s = Files.list(seriesDir)) {
            for (Path f : s.toList()) {
                AttributeList l = new AttributeList();
                l.read(f.toFile());
                l.replaceWithValueIfPresent(TagFromName.SeriesDescription, description);
                l.replaceWithValueIfPresent(TagFromName.ProtocolName, description);
                l.write(f.toFile(), l.get(TagFromName.TransferSyntaxUID).getSingleStringValueOrEmptyString(), true, true);
            }
        }
    }

    /** Cuts a file to a fraction of its length. */
    static void truncate(Path f, double fraction) throws IOException {
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, (int) (b.length * fraction)));
    }
}
