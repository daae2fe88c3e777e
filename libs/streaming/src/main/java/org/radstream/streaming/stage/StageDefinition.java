package org.radstream.streaming.stage;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.radstream.streaming.config.RadstreamConfig;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.metrics.MetricsHttpHandler;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.runtime.ServiceRunner;

/**
 * What a stage is, in one value: its name (client id, default group, DLQ stage, metrics tag), its own flags and
 * how to build its service. Each service module exposes one; {@code radstream run <stage>} and the in-JVM demo
 * start every stage through it, so a stage starts the same way everywhere.
 */
public record StageDefinition(String name, String description, List<StageFlag> flags, StageMain.ServiceFactory factory) {

    public StageDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        flags = List.copyOf(flags);
        Objects.requireNonNull(factory, "factory");
    }

    /** Runs the stage until SIGTERM (see {@link StageMain#run}); returns the exit code. */
    public int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        return StageMain.run(name, description, flags, argv, env, out, err, factory);
    }

    /** The stage's settings at their defaults (group = stage name), for tests and embedding. */
    public StageSettings defaults() {
        return StageSettings.defaults(name, flags);
    }

    /**
     * Starts the stage in this JVM (the in-process demo, benchmarks, tests): builds its service with fresh metrics,
     * starts it with its health and {@code /metrics} endpoint, and returns the handle that stops both.
     */
    public Started start(RadstreamConfig config, StageSettings settings) {
        DeadLetterCounts counts = new DeadLetterCounts();
        StageMetrics metrics = new StageMetrics(name, counts);
        try {
            ServiceRunner.Running running = ServiceRunner.start(factory.create(config, settings, metrics, counts),
                    settings.runner(), Map.of(MetricsHttpHandler.PATH, new MetricsHttpHandler(metrics)));
            return new Started(this, running, metrics, counts);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    /** A stage running in this JVM; {@link #close()} stops it gracefully, then its endpoint and metrics. */
    public record Started(StageDefinition stage, ServiceRunner.Running running, StageMetrics metrics,
            DeadLetterCounts deadLetters) implements AutoCloseable {

        public int healthPort() {
            return running.healthPort();
        }

        @Override
        public void close() {
            try {
                running.close();
            } finally {
                metrics.close();
            }
        }
    }
}
