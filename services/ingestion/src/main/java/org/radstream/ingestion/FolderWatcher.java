package org.radstream.ingestion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches an import folder (the cohort layout of {@link Ingestion#folder}) by polling: a study folder, or
 * {@code clinical.csv} / {@code outcomes.csv}, is imported once its content (file count, sizes, modification
 * times) has not changed for the quiet period, and again whenever it changes later. Polling rather than
 * {@code WatchService} because it works the same on network file systems, where change events are not
 * delivered. State is in memory: after a restart the folder is imported again (events are keyed by caseId, so
 * consumers see the same case again, and compacted topics keep one record).
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private record Seen(String fingerprint, Instant since, boolean imported) {
    }

    private final Path root;
    private final Ingestion ingestion;
    private final Duration quietPeriod;
    private final Clock clock;
    private final Map<Path, Seen> seen = new HashMap<>();
    private final ScheduledExecutorService poller;

    public FolderWatcher(Path root, Duration pollInterval, Duration quietPeriod, Ingestion ingestion, Clock clock) {
        this.root = Objects.requireNonNull(root, "root");
        this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
        this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "folder-watch");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("watching {} every {} (quiet period {})", root, pollInterval, quietPeriod);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (IOException | RuntimeException e) {
            LOG.error("folder watch round failed: {}", e.toString());
        }
    }

    /** One polling round (package-private for tests). */
    synchronized void poll() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant now = clock.instant();
        for (Path dir : Ingestion.studyDirs(root)) {
            if (due(dir, now)) {
                ingestion.study(Ingestion.studyFiles(dir), "folder");
            }
        }
        Path clinical = root.resolve("clinical.csv");
        if (Files.isRegularFile(clinical) && due(clinical, now)) {
            ingestion.clinicalCsv(clinical);
        }
        Path outcomes = root.resolve("outcomes.csv");
        if (Files.isRegularFile(outcomes) && due(outcomes, now)) {
            ingestion.outcomesCsv(outcomes);
        }
    }

    /** Whether {@code p} is unchanged for the quiet period and not yet imported in this state. */
    private boolean due(Path p, Instant now) throws IOException {
        String fp = fingerprint(p);
        Seen s = seen.get(p);
        if (s == null || !s.fingerprint.equals(fp)) {
            seen.put(p, new Seen(fp, now, false));
            return false;
        }
        if (!s.imported && !s.since.plus(quietPeriod).isAfter(now)) {
            seen.put(p, new Seen(fp, s.since, true));
            return true;
        }
        return false;
    }

    static String fingerprint(Path p) throws IOException {
        if (Files.isRegularFile(p)) {
            return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
        }
        long n = 0;
        long size = 0;
        long latest = 0;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                n++;
                size += Files.size(f);
                latest = Math.max(latest, Files.getLastModifiedTime(f).toMillis());
            }
        }
        return n + "/" + size + "@" + latest;
    }

    @Override
    public void close() {
        poller.shutdown();
        try {
            poller.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
