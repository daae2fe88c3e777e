package org.radstream.streaming.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Confluent-compatible schema registry (Apicurio Registry 2.4.2, in-memory storage) run as a
 * child JVM on a loopback port. Its Confluent API is at {@link #url()}.
 *
 * <p>The runnable jar is built from Maven Central by {@code scripts/setup} into
 * {@code tools/registry-server/target}; it is found through the system property
 * {@value #JAR_PROPERTY}, the environment variable {@value #JAR_ENV}, or by looking for that path
 * above the working directory. The child's output goes to {@code registry.log} in the data directory.
 *
 * <p>Storage is in memory: schemas are lost when the process stops. A shutdown hook stops the child
 * when this JVM exits normally or on SIGINT/SIGTERM, so no registry process is left behind.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);

    public static final String JAR_PROPERTY = "radstream.registry.jar";
    public static final String JAR_ENV = "RADSTREAM_REGISTRY_JAR";
    static final String JAR_RELATIVE = "tools/registry-server/target/apicurio-registry-mem-1-runner.jar";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path jar;
    private final Path logFile;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread shutdownHook = new Thread(this::stopProcess, "radstream-registry-shutdown");
    private Process process;

    private EmbeddedSchemaRegistry(Path jar, Path dataDir) {
        this.jar = jar;
        this.logFile = dataDir.resolve("registry.log");
        this.port = FreePorts.loopback();
    }

    /** Starts the registry (log in {@code dataDir}); returns when {@code /health/ready} answers 200. */
    public static EmbeddedSchemaRegistry start(Path dataDir) {
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(locateJar(), dataDir);
        registry.startProcess();
        return registry;
    }

    /** Base URL of the Confluent-compatible API, {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
    public String url() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    /** PID of the child process, for diagnostics and fault drills. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("registry is not running");
        }
        return process.pid();
    }

    /** Stops the child process (schemas are lost: storage is in memory). */
    public synchronized void stop() {
        stopProcess();
    }

    /** Starts the child again on the same port after {@link #stop()}. */
    public synchronized void restart() {
        stopProcess();
        startProcess();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized void close() {
        stopProcess();
    }

    private synchronized void startProcess() {
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create registry data directory " + logFile.getParent(), e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx384m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dquarkus.http.host=127.0.0.1");
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.log.level=WARN");
        cmd.add("-Dquarkus.banner.enabled=false");
        cmd.add("-jar");
        cmd.add(jar.toString());
        try {
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start schema registry " + String.join(" ", cmd), e);
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitReady();
        LOG.info("Schema registry ready at {} (pid {}, log {})", url(), process.pid(), logFile);
    }

    private void awaitReady() {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("schema registry exited with code " + process.exitValue()
                        + " before becoming ready; see " + logFile);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopProcess();
                throw new IllegalStateException("interrupted while waiting for the schema registry", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopProcess();
                throw new IllegalStateException("interrupted while waiting for the schema registry", e);
            }
        }
        stopProcess();
        throw new IllegalStateException("schema registry did not become ready within "
                + READY_TIMEOUT.toSeconds() + " s; see " + logFile);
    }

    private synchronized void stopProcess() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting; the hook runs anyway
            }
        }
        p.destroy();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("Schema registry on port {} stopped", port);
    }

    /** Finds the runnable registry jar, or fails saying how to build it. */
    static Path locateJar() {
        Optional<Path> configured = Optional.ofNullable(System.getProperty(JAR_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(JAR_ENV)))
                .filter(s -> !s.isBlank())
                .map(Paths::get);
        if (configured.isPresent()) {
            if (Files.isRegularFile(configured.get())) {
                return configured.get();
            }
            throw new IllegalStateException("schema registry jar " + configured.get()
                    + " (from " + JAR_PROPERTY + "/" + JAR_ENV + ") does not exist; run scripts/setup to build it");
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(JAR_RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("schema registry jar not found: expected " + JAR_RELATIVE
                + " above " + Paths.get("").toAbsolutePath() + " or " + JAR_PROPERTY + "/" + JAR_ENV
                + " set; run scripts/setup to build it");
    }
}
