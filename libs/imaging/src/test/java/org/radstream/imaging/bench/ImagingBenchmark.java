package org.radstream.imaging.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.imaging.dicom.DicomSeriesReader;
import org.radstream.imaging.dicom.MrSeriesInfo;
import org.radstream.imaging.dicom.MrSeriesWriter;
import org.radstream.imaging.dicom.SeriesVolume;
import org.radstream.imaging.dicom.Uids;
import org.radstream.imaging.preprocess.Interpolator;
import org.radstream.imaging.preprocess.PreprocessedRoi;
import org.radstream.imaging.preprocess.PreprocessingSettings;
import org.radstream.imaging.preprocess.RoiPreprocessor;

/**
 * Speed of the imaging steps the pipeline runs per case, on data shaped like the synthetic cohort:
 * a 320×224×14 MR series (5 mm slices, 1.19 mm pixels) and a 2 cm tumour ROI on one slice.
 * <ul>
 * <li>{@code readSeries}: scan + decode + sort + rescale one series (slices/s = 14 / time);</li>
 * <li>{@code preprocess}: z-score, resample to 1 mm (per interpolator) and crop one ROI.</li>
 * </ul>
 * Run (SampleTime mode prints medians as p0.50):
 * <pre>
 * mvn -q -pl libs/imaging test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp libs/imaging/target/test-classes:libs/imaging/target/classes:$(cat libs/imaging/target/test-cp.txt) \
 *      org.openjdk.jmh.Main ImagingBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ImagingBenchmark {

    static final int NX = 320;
    static final int NY = 224;
    static final int NZ = 14;

    Path dir;
    Volume volume;
    LabelMap mask;

    /** The preprocessing settings under test: the study's, with each interpolator. */
    @State(Scope.Benchmark)
    public static class Settings {
        @Param({"BSPLINE", "LINEAR"})
        public Interpolator interpolator;

        RoiPreprocessor preprocessor;

        @Setup(Level.Trial)
        public void setUp() {
            preprocessor = new RoiPreprocessor(PreprocessingSettings.STUDY.withInterpolator(interpolator));
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        double px = 380.0 / NX;
        Geometry g = new Geometry(NX, NY, NZ, new double[] {px, px, 5}, new double[] {-190, -133, -32.5},
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        SplittableRandom rnd = new SplittableRandom(1);
        float[] v = new float[g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (500 + 40 * rnd.nextGaussian());
        }
        volume = new Volume(g, v);
        int[] m = new int[g.voxelCount()];
        for (int j = 0; j < NY; j++) {
            for (int i = 0; i < NX; i++) {
                double dx = (i - 100) * px;
                double dy = (j - 110) * px;
                if (dx * dx + dy * dy < 100) { // radius 10 mm
                    m[g.index(i, j, 7)] = 1;
                }
            }
        }
        mask = new LabelMap(g, m);
        dir = Files.createTempDirectory("radstream-bench");
        MrSeriesInfo info = new MrSeriesInfo("BENCH", "M", 60, Uids.fromName("b"), LocalDate.of(2020, 1, 1), "1",
                Uids.fromName("bf"), Uids.fromName("bs"), 1, "AX T2 FRFSE", "T2", "", LocalTime.NOON, "GE MEDICAL SYSTEMS",
                "Signa HDxt", 1.5, "SE", "SK", 4000, 85, 90);
        MrSeriesWriter.write(dir, info, volume);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public SeriesVolume readSeries() throws IOException {
        return DicomSeriesReader.readSingleSeries(dir);
    }

    @Benchmark
    public PreprocessedRoi preprocess(Settings settings) throws IOException {
        return settings.preprocessor.preprocess(volume, mask, null, List.of(), "bench");
    }
}
