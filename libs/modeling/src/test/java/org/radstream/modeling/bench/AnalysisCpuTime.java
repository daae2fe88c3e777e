package org.radstream.modeling.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.radstream.modeling.study.ClinicalTable;
import org.radstream.modeling.study.FeatureTable;
import org.radstream.modeling.study.OutcomeTable;
import org.radstream.modeling.study.StudyAnalysis;
import org.radstream.modeling.study.StudySettings;
import org.radstream.modeling.study.SyntheticStudy;

/**
 * Benchmark of the whole analysis at the study's size: 90 cases × 5 sequences × 1316 features, 15 reader-B
 * cases (SyntheticStudy seed 5). Reads the CSVs and runs StudyAnalysis (not the file writing) RUNS times after
 * one warm-up; prints the median, min and max CPU time of this thread and wall time. Usage:
 * <pre>
 * mvn -q -pl libs/modeling test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * cd libs/modeling && java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.radstream.modeling.bench.AnalysisCpuTime [RUNS]
 * </pre>
 */
public final class AnalysisCpuTime {
    private AnalysisCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("radstream-bench");
        SyntheticStudy.Files4 f = SyntheticStudy.write(dir, 5, 1316);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[runs], wall = new double[runs];
        for (int r = -1; r < runs; r++) {
            long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            StudyAnalysis.Inputs in = new StudyAnalysis.Inputs(FeatureTable.read(f.featuresA()), FeatureTable.read(f.featuresB()),
                    ClinicalTable.read(f.clinical()), OutcomeTable.read(f.outcomes()));
            StudyAnalysis.run(in, StudySettings.DEFAULT);
            if (r >= 0) {
                cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                wall[r] = (System.nanoTime() - w0) / 1e9;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "analysis of 90 cases x 5 x 1316 features, %d runs: CPU median %.1f s (min %.1f, max %.1f); "
                + "wall median %.1f s (min %.1f, max %.1f)%n", runs, cpu[runs / 2], cpu[0], cpu[runs - 1], wall[runs / 2], wall[0], wall[runs - 1]);
    }
}
