package org.radstream.ingestion;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCPDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DICOM C-STORE SCP (PixelMed's {@link StorageSOPClassSCPDispatcher}): instances sent by a modality, PACS or
 * {@code storescu} are spooled to disk as they arrive, grouped by StudyInstanceUID in a {@link StudyAssembler},
 * and each study quiet for the quiet period is handed to {@link Ingestion#study} (source {@code c-store}).
 * Spooled files of an emitted study are deleted (the blob store has them); those of a rejected study are moved
 * to {@code SPOOL/rejected/<id>/} for an operator, next to the dead letter.
 */
public final class DicomReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DicomReceiver.class);

    private final Ingestion ingestion;
    private final StudyAssembler assembler;
    private final Path incoming;
    private final Path rejected;
    private final Clock clock;
    private final StorageSOPClassSCPDispatcher dispatcher;
    private final Thread dispatcherThread;
    private final ScheduledExecutorService sweeper;
    private final AtomicLong instances = new AtomicLong();
    private final AtomicLong studies = new AtomicLong();

    /**
     * @param port    TCP port to listen on (DICOM's registered port is 104, 11112 is the usual unprivileged one)
     * @param aeTitle called AE title this SCP answers to
     * @param spool   directory for received instances
     */
    public DicomReceiver(int port, String aeTitle, Path spool, Duration quietPeriod, Ingestion ingestion, Clock clock)
            throws IOException {
        this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.assembler = new StudyAssembler(quietPeriod);
        this.incoming = Files.createDirectories(spool.resolve("incoming"));
        this.rejected = Files.createDirectories(spool.resolve("rejected"));
        ReceivedObjectHandler handler = new ReceivedObjectHandler() {
            @Override
            public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAeTitle) {
                received(Path.of(fileName));
            }
        };
        this.dispatcher = new StorageSOPClassSCPDispatcher(port, aeTitle, incoming.toFile(),
                StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, handler);
        this.dispatcherThread = new Thread(dispatcher, "c-store-scp");
        dispatcherThread.setDaemon(true);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "study-assembler");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(100, Math.min(1000, quietPeriod.toMillis() / 4));
        dispatcherThread.start();
        sweeper.scheduleWithFixedDelay(this::sweep, tick, tick, TimeUnit.MILLISECONDS);
        LOG.info("C-STORE SCP listening on port {} as {} (quiet period {})", port, aeTitle, quietPeriod);
    }

    /** Whether the SCP accepts associations. */
    public boolean ready() {
        return dispatcher.isReady();
    }

    public long instancesReceived() {
        return instances.get();
    }

    public long studiesAssembled() {
        return studies.get();
    }

    public int studiesPending() {
        return assembler.pending();
    }

    private void received(Path file) {
        instances.incrementAndGet();
        String key;
        try {
            key = DicomHeader.read(file).studyInstanceUid();
        } catch (IOException e) {
            key = "";
        }
        // an instance without a readable StudyInstanceUID is assembled on its own and rejected as corrupt
        assembler.received(key.isEmpty() ? "unreadable-" + UUID.randomUUID() : key, file, clock.instant());
    }

    private void sweep() {
        for (StudyAssembler.Assembled a : assembler.complete(clock.instant())) {
            studies.incrementAndGet();
            try {
                boolean emitted = ingestion.study(new StudyImporter.StudyFiles(incoming, a.files(), java.util.List.of()), "c-store");
                if (emitted) {
                    for (Path f : a.files()) {
                        Files.deleteIfExists(f);
                    }
                } else {
                    Path dir = Files.createDirectories(rejected.resolve(UUID.randomUUID().toString()));
                    for (Path f : a.files()) {
                        if (Files.exists(f)) {
                            Files.move(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                    LOG.warn("rejected C-STORE study kept in {}", dir);
                }
            } catch (RuntimeException | IOException e) {
                // the sink could not deliver (cluster down): keep the files, the operator re-sends or imports them
                LOG.error("C-STORE study could not be ingested; its files stay in {} ({})", incoming, e.toString());
            }
        }
    }

    @Override
    public void close() {
        dispatcher.shutdown();
        sweeper.shutdown();
        try {
            sweeper.awaitTermination(30, TimeUnit.SECONDS);
            dispatcherThread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The spool folder instances are written to (for tests). */
    File incomingFolder() {
        return incoming.toFile();
    }
}
