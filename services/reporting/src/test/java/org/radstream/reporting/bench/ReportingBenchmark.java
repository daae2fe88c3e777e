package org.radstream.reporting.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
import org.radstream.events.ReportReady;
import org.radstream.events.RiskScore;
import org.radstream.reporting.ReportingBench;

/**
 * Speed of the reporting stage's work per input without Kafka, on the synthetic study's model:
 * <ul>
 * <li>{@code caseReport}: one RiskScore → case report HTML (nomogram SVG with the case marked) written to a
 *     filesystem blob store (cases/s of one instance ≈ 1 / time, Kafka round trips aside);</li>
 * <li>{@code modelReport}: one ModelPublished with its analysis folder → model report HTML + copied figures.</li>
 * </ul>
 * Run (SampleTime mode prints medians as p0.50):
 * <pre>
 * mvn -q -pl services/reporting test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp services/reporting/target/test-classes:services/reporting/target/classes:$(cat services/reporting/target/test-cp.txt) \
 *      org.openjdk.jmh.Main ReportingBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReportingBenchmark {
    ReportingBench bench;
    List<RiskScore> scores;
    int next;

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("reporting-bench");
        bench = new ReportingBench(dir);
        scores = bench.scores(40);
    }

    @Benchmark
    public ReportReady caseReport() throws IOException {
        RiskScore s = scores.get(next++ % scores.size());
        return bench.writeCase(s, Instant.EPOCH);
    }

    @Benchmark
    public ReportReady modelReport() throws IOException {
        return bench.writeModel(Instant.EPOCH);
    }
}
