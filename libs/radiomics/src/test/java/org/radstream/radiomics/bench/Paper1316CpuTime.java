package org.radstream.radiomics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;
import org.radstream.radiomics.ParameterSet;
import org.radstream.radiomics.RadiomicsExtractor;
import org.radstream.radiomics.SyntheticRoiFactory;

/**
 * Same workload as {@link Paper1316Benchmark}, timed per extraction by both wall clock and the thread's CPU
 * time, for a machine shared with other work (where wall time mostly measures waiting for a core). Prints the
 * medians, the spread and the load average. Arguments: warm-up and measured iterations (default 40 and 60).
 */
public final class Paper1316CpuTime {
    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Object[] roi = SyntheticRoiFactory.typicalStudyRoi(42);
        Volume image = (Volume) roi[0];
        LabelMap mask = (LabelMap) roi[1];
        RadiomicsExtractor ex = new RadiomicsExtractor(ParameterSet.paper1316());
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        int n = 0;
        for (int i = 0; i < warmup; i++) {
            n = ex.extract(image, mask).features().size();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long w0 = System.nanoTime();
            long c0 = bean.getCurrentThreadCpuTime();
            ex.extract(image, mask);
            cpu[i] = (bean.getCurrentThreadCpuTime() - c0) / 1e6;
            wall[i] = (System.nanoTime() - w0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "paper profile, %d features, 50x50x21 neighbourhood, single thread, %d runs after %d warm-up%n",
                n, runs, warmup);
        System.out.printf(Locale.ROOT, "CPU time  median %.1f ms  (p10 %.1f, p90 %.1f)%n", cpu[runs / 2], cpu[runs / 10], cpu[runs * 9 / 10]);
        System.out.printf(Locale.ROOT, "wall time median %.1f ms  (p10 %.1f, p90 %.1f)%n", wall[runs / 2], wall[runs / 10], wall[runs * 9 / 10]);
        System.out.printf(Locale.ROOT, "load average %.2f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }
}
