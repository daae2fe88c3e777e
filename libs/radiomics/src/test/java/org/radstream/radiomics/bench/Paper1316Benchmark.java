package org.radstream.radiomics.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.radiomics.FeatureVector;
import org.radstream.radiomics.ParameterSet;
import org.radstream.radiomics.RadiomicsExtractor;
import org.radstream.radiomics.SyntheticRoiFactory;

/**
 * The paper profile (1316 features) on a typical study ROI, single-threaded: a 3 cm tumour drawn on one
 * axial slice at 1 mm isotropic, in the 50 × 50 × 21 neighbourhood the study's preprocessing keeps
 * (ROI box plus 10 voxels each side), z-scored intensities. Sample mode, so JMH reports the median (p0.50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class Paper1316Benchmark {
    Volume image;
    LabelMap mask;
    RadiomicsExtractor extractor;

    @Setup
    public void setUp() throws IOException {
        Object[] roi = SyntheticRoiFactory.typicalStudyRoi(42);
        image = (Volume) roi[0];
        mask = (LabelMap) roi[1];
        extractor = new RadiomicsExtractor(ParameterSet.paper1316());
    }

    @Benchmark
    public FeatureVector paperProfile() {
        return extractor.extract(image, mask);
    }
}
