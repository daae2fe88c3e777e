package org.radstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LagCommandTest {

    @Test
    void badOptionsAreUsageErrors() {
        CliRun r = CliRun.of("lag", "--bootstrap", "127.0.0.1:1", "--watch", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--watch must be >= 1 second, got 0"), r.err());
        CliRun s = CliRun.of("lag", "--bootstrap", "127.0.0.1:1", "--samples", "0");
        assertEquals(2, s.exitCode());
        assertTrue(s.err().contains("--samples must be >= 1, got 0"), s.err());
    }

    @Test
    void badBootstrapIsReportedWithItsSource() {
        CliRun r = CliRun.of("lag", "--bootstrap", "nohostport");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("bootstrap.servers (from flag --bootstrap): 'nohostport' has no port"), r.err());
    }
}
