package org.radstream.streaming.stage;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        return StageMain.run(name, flags, argv, env, out, err, factory);
    }

    /** The stage's settings at their defaults (group = stage name), for tests and embedding. */
    public StageSettings defaults() {
        return StageSettings.defaults(name, flags);
    }
}
