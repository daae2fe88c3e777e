package org.radstream.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radstream.imaging.sequence.SequenceIdentifier;
import org.radstream.imaging.sequence.SequenceRules;
import org.radstream.streaming.blob.FileSystemBlobStore;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.ReasonCode;
import org.radstream.streaming.metrics.StageMetrics;
import org.radstream.streaming.topics.Topics;

class FolderWatcherTest {

    @TempDir
    Path tmp;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void importsWhatStayedUnchangedForTheQuietPeriodOnceAndAgainAfterAChange() throws Exception {
        ManualClock clock = new ManualClock();
        RecordingSink sink = new RecordingSink();
        Pseudonymiser p = new Pseudonymiser(PseudonymiserTest.KEY);
        try (StageMetrics metrics = new StageMetrics("ingestion", new DeadLetterCounts())) {
            Ingestion ingestion = new Ingestion(new StudyImporter(p, new SequenceIdentifier(SequenceRules.DEFAULT),
                    new FileSystemBlobStore(tmp.resolve("blobs")), clock), new ClinicalRecords(p, ClinicalRules.DEFAULTS, clock),
                    sink, metrics);
            Path root = Files.createDirectories(tmp.resolve("in"));
            // a very long poll interval: the test drives the rounds itself
            try (FolderWatcher w = new FolderWatcher(root, Duration.ofHours(1), Duration.ofSeconds(10), ingestion, clock)) {
                Thread.sleep(200); // let the scheduled first round pass
                Files.writeString(root.resolve("outcomes.csv"), "patient_id,early_recurrence,followup_months\nP1,1,12\n");
                Path study = Files.createDirectories(root.resolve("patients/P2/T1WI"));
                Files.writeString(study.resolve("IM0001.dcm"), "not dicom");
                w.poll();
                assertEquals(0, sink.emitted.size() + sink.dead.size(), "just appeared: not quiet yet");
                clock.now = clock.now.plusSeconds(5);
                w.poll();
                assertEquals(0, sink.emitted.size() + sink.dead.size());
                clock.now = clock.now.plusSeconds(6);
                w.poll();
                assertEquals(1, sink.emitted.size());
                assertEquals(Topics.OUTCOMES, sink.emitted.get(0).topic());
                assertEquals(1, sink.dead.size());
                assertEquals(ReasonCode.CORRUPT_DICOM, sink.dead.get(0).reason());
                clock.now = clock.now.plusSeconds(60);
                w.poll();
                assertEquals(1, sink.emitted.size(), "unchanged: not imported again");
                // a change is imported again after its own quiet period
                Files.writeString(root.resolve("outcomes.csv"), "patient_id,early_recurrence,followup_months\nP1,1,12\nP3,0,30\n");
                w.poll();
                clock.now = clock.now.plusSeconds(11);
                w.poll();
                assertEquals(3, sink.emitted.size());
                assertEquals(1, sink.dead.size());
            }
        }
    }
}
