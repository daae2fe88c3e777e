package org.radstream.streaming.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What {@link ServiceRunner} runs: a Kafka Streams app ({@link StreamsService}) or a consumer loop
 * ({@link ConsumerLoopService}).
 */
public interface ManagedService {

    /** Name for logs and the health body, e.g. {@code preprocessing}. */
    String name();

    /** Starts the work in background threads and returns. Called once. */
    void start();

    /** Current health; cheap, called by every health request. */
    Health health();

    /**
     * Stops gracefully within {@code timeout}: work in progress gets the timeout to finish; what is unfinished
     * then is abandoned and not committed (it is processed again after restart).
     */
    void stop(Duration timeout);

    /** Completes when the service has stopped: normally after {@link #stop}, exceptionally when it failed. */
    CompletableFuture<Void> termination();
}
