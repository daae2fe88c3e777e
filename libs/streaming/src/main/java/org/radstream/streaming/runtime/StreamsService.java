package org.radstream.streaming.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Streams application as a {@link ManagedService}: ready when the client is {@code RUNNING}, not
 * live once it is in {@code ERROR}. Local state is never wiped on start ({@code cleanUp()} is not called):
 * a restarted instance resumes from its state directory instead of rebuilding every store from the
 * changelogs. An uncaught exception in a stream thread shuts the client down (the process exits 1 and the
 * orchestrator restarts it); bad records do not get that far, they go to the DLQ
 * ({@link org.radstream.streaming.dlq.DeadLetterExceptionHandler}).
 */
public final class StreamsService implements ManagedService {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

    private final String name;
    private final Topology topology;
    private final Properties props;
    private final CompletableFuture<Void> termination = new CompletableFuture<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile KafkaStreams streams;

    /** @param props Streams properties (application.id, bootstrap, serdes, guarantees); copied */
    public StreamsService(String name, Topology topology, Properties props) {
        this.name = Objects.requireNonNull(name, "name");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.props = new Properties();
        this.props.putAll(props);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("service " + name + " already started");
        }
        KafkaStreams s = new KafkaStreams(topology, props);
        s.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            LOG.error("stream thread of {} died; shutting the client down", name, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        s.setStateListener((now, before) -> {
            LOG.info("{}: {} -> {}", name, before, now);
            if (now == KafkaStreams.State.ERROR) {
                Throwable t = failure.get();
                termination.completeExceptionally(t != null ? t
                        : new IllegalStateException("Kafka Streams client entered ERROR"));
            } else if (now == KafkaStreams.State.NOT_RUNNING) {
                termination.complete(null);
            }
        });
        streams = s;
        s.start();
    }

    @Override
    public Health health() {
        KafkaStreams s = streams;
        if (s == null) {
            return new Health(true, false, "CREATED", Map.of());
        }
        KafkaStreams.State st = s.state();
        boolean live = st != KafkaStreams.State.ERROR && st != KafkaStreams.State.PENDING_ERROR;
        Throwable t = failure.get();
        return new Health(live, st == KafkaStreams.State.RUNNING, st.name(),
                t == null ? Map.of() : Map.of("error", t.getClass().getName()));
    }

    @Override
    public void stop(Duration timeout) {
        KafkaStreams s = streams;
        if (s == null) {
            termination.complete(null);
            return;
        }
        // close() commits processed offsets (and the open transaction under EOS); unprocessed records stay
        // uncommitted and are read again after restart
        boolean clean = s.close(CloseOptions.timeout(timeout));
        if (!clean) {
            LOG.warn("{}: Kafka Streams did not close within {}", name, timeout);
        }
        termination.complete(null);
    }

    @Override
    public CompletableFuture<Void> termination() {
        return termination;
    }

    /** The running client (for tests and interactive queries); null before {@link #start()}. */
    public KafkaStreams streams() {
        return streams;
    }
}
