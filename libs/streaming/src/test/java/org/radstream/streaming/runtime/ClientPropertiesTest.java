package org.radstream.streaming.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.radstream.streaming.config.RadstreamConfig;

class ClientPropertiesTest {

    private final RadstreamConfig config = RadstreamConfig.local("b1:9092,b2:9092", "http://r:8081");

    @Test
    void producersAreIdempotentWithAllAcks() {
        var p = ClientProperties.producer(config, "ingestion");
        assertEquals("true", p.get("enable.idempotence"));
        assertEquals("all", p.get("acks"));
        assertEquals("b1:9092,b2:9092", p.get("bootstrap.servers"));
    }

    @Test
    void consumersCommitByHandAndReadCommitted() {
        var p = ClientProperties.consumer(config, "preprocessing");
        assertEquals("preprocessing", p.get("group.id"));
        assertEquals("false", p.get("enable.auto.commit"));
        assertEquals("read_committed", p.get("isolation.level"));
        assertEquals("earliest", p.get("auto.offset.reset"));
    }

    @Test
    void streamsAreExactlyOnce() {
        var p = ClientProperties.streams(config, "quality-gate", Path.of("/var/lib/radstream/state"));
        assertEquals("exactly_once_v2", p.get("processing.guarantee"));
        assertEquals("quality-gate", p.get("application.id"));
        assertEquals("/var/lib/radstream/state", p.get("state.dir"));
        assertEquals("PLAINTEXT", p.get("security.protocol"));
    }
}
