package org.radstream.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class StudyAssemblerTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aStudyIsCompleteAfterTheQuietPeriodWithoutNewInstances() {
        StudyAssembler a = new StudyAssembler(Duration.ofSeconds(10));
        a.received("1.2.3", Path.of("a"), T0);
        a.received("1.2.3", Path.of("b"), T0.plusSeconds(8));
        a.received("1.2.4", Path.of("c"), T0.plusSeconds(1));
        a.received("1.2.3", Path.of("b"), T0.plusSeconds(9)); // the same instance again
        assertTrue(a.complete(T0.plusSeconds(10)).isEmpty(), "1.2.4 quiet for 9 s only");
        List<StudyAssembler.Assembled> done = a.complete(T0.plusSeconds(11));
        assertEquals(List.of(new StudyAssembler.Assembled("1.2.4", List.of(Path.of("c")))), done);
        assertEquals(1, a.pending());
        assertTrue(a.complete(T0.plusSeconds(18)).isEmpty(), "the last instance of 1.2.3 came at 9 s");
        assertEquals(List.of(new StudyAssembler.Assembled("1.2.3", List.of(Path.of("a"), Path.of("b")))),
                a.complete(T0.plusSeconds(19)));
        // a late instance starts a new study of the same UID
        a.received("1.2.3", Path.of("d"), T0.plusSeconds(30));
        assertEquals(List.of(Path.of("d")), a.complete(T0.plusSeconds(40)).get(0).files());
        assertEquals(0, a.pending());
    }

    @Test
    void quietPeriodMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new StudyAssembler(Duration.ZERO));
    }
}
