package org.radstream.cli.drills;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One stage as its own operating-system process, exactly as an operator runs it: {@code java -cp
 * radstream-cli.jar:lib/* org.radstream.cli.RadstreamCommand run STAGE --bootstrap ... --registry ...}, with the java
 * binary of this JVM and the CLI jar {@code mvn package} built. Output goes to a log file (appended across restarts).
 */
final class StageProcess implements AutoCloseable {
    private final String stage;
    private final List<String> command;
    private final Path log;
    private Process process;
    private int starts;

    StageProcess(String stage, String heap, Path log, List<String> args) {
        this.stage = stage;
        this.log = log;
        Path jar = Path.of("target", "radstream-cli.jar").toAbsolutePath();
        Path lib = Path.of("target", "lib").toAbsolutePath();
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("the drills run stages from the packaged CLI: " + jar + " and " + lib
                    + " must exist (run mvn verify, which packages first)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> c = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", jar + File.pathSeparator + lib + File.separator + "*", "org.radstream.cli.RadstreamCommand", "run", stage));
        c.addAll(args);
        this.command = List.copyOf(c);
    }

    /** Starts (or restarts) the process. */
    synchronized StageProcess start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(stage + " is already running (pid " + process.pid() + ")");
        }
        Files.writeString(log, "=== start " + (++starts) + ": " + String.join(" ", command) + System.lineSeparator(),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    synchronized long pid() {
        return process.pid();
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL (destroyForcibly is SIGKILL on Linux): no shutdown hook, no commit, no clean close. */
    synchronized int kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(stage + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
        }
        return process.exitValue();
    }

    /** SIGSTOP: the process is frozen (no poll, no heartbeat, no commit) until {@link #resume()}. */
    void suspend() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String sig) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + sig, Long.toString(pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + sig + " " + pid() + " failed");
        }
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** SIGTERM (graceful shutdown), SIGKILL after 30 s. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            resume(); // a suspended process cannot act on SIGTERM
        } catch (IOException | IllegalStateException e) {
            // it may have exited meanwhile
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
