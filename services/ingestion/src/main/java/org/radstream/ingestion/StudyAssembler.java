package org.radstream.ingestion;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Groups instances arriving one by one (DICOM C-STORE has no "study complete" message) into studies: a study
 * is complete when no instance of it has arrived for the quiet period. A late instance after that starts a
 * new study of the same UID (and that import fails or succeeds on its own). Thread-safe.
 */
public final class StudyAssembler {

    /** The instances of one study that went quiet. */
    public record Assembled(String studyKey, List<Path> files) {
        public Assembled {
            files = List.copyOf(files);
        }
    }

    private static final class Pending {
        final Set<Path> files = new LinkedHashSet<>();
        Instant last;
    }

    private final Duration quietPeriod;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    public StudyAssembler(Duration quietPeriod) {
        if (quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("quiet period must be positive, got " + quietPeriod);
        }
        this.quietPeriod = quietPeriod;
    }

    public Duration quietPeriod() {
        return quietPeriod;
    }

    /** Records an instance of study {@code studyKey} (its StudyInstanceUID) stored at {@code file}. */
    public synchronized void received(String studyKey, Path file, Instant now) {
        Pending p = pending.computeIfAbsent(Objects.requireNonNull(studyKey, "studyKey"), k -> new Pending());
        p.files.add(file);
        p.last = now;
    }

    /** Removes and returns the studies quiet for at least the quiet period at {@code now}, oldest first. */
    public synchronized List<Assembled> complete(Instant now) {
        List<Assembled> done = new ArrayList<>();
        for (Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Pending> e = it.next();
            if (!e.getValue().last.plus(quietPeriod).isAfter(now)) {
                done.add(new Assembled(e.getKey(), new ArrayList<>(e.getValue().files)));
                it.remove();
            }
        }
        return done;
    }

    /** Studies still receiving. */
    public synchronized int pending() {
        return pending.size();
    }
}
