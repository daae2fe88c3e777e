package org.radstream.streaming.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker + controller), started in-process on
 * loopback ports. Used by integration tests and by {@code radstream platform up}.
 *
 * <p>The log directory is formatted once (cluster id kept in {@code meta.properties}), so a broker
 * restarted on the same data directory keeps its topics and offsets. Ports are chosen free at first
 * start and reused on {@link #restart()}, so clients keep their bootstrap address.
 *
 * <p>Broker classes are internal Kafka APIs; this class is the only place that touches them.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path logDir;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path dataDir, Map<String, String> overrides) {
        this.logDir = dataDir.resolve("kafka-logs");
        this.brokerPort = FreePorts.loopback();
        this.controllerPort = FreePorts.loopback();
        this.overrides = Map.copyOf(overrides);
    }

    /** Starts a broker with its log directory under {@code dataDir}; returns when it answers Admin calls. */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** As {@link #start(Path)}, with broker properties overriding the defaults (e.g. retention). */
    public static EmbeddedKafkaBroker start(Path dataDir, Map<String, String> overrides) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, overrides);
        broker.startServer();
        return broker;
    }

    /** {@code 127.0.0.1:PORT}, the value for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Stops and starts the broker on the same ports and data, as an operator restart would. */
    public synchronized void restart() {
        stopServer();
        startServer();
    }

    /** Stops the broker and keeps its data; {@link #restart()} brings it back. */
    public synchronized void stop() {
        stopServer();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        stopServer();
    }

    private synchronized void startServer() {
        try {
            Files.createDirectories(logDir);
            Properties props = brokerProperties();
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(props);
            }
            KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            s.startup();
            server = s;
            awaitReady(Duration.ofSeconds(60));
            LOG.info("Kafka broker ready at {} (logs in {})", bootstrapServers(), logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka log directory " + logDir, e);
        }
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // Small segments and a quick log cleaner so compacted topics behave visibly in tests.
        p.put("log.cleaner.backoff.ms", "1000");
        p.putAll(overrides);
        return p;
    }

    private void format(Properties props) throws IOException {
        Path file = logDir.resolveSibling("kraft-format.properties");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(w, "radstream embedded KRaft broker");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String clusterId = Uuid.randomUuid().toString();
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting the KRaft log directory " + logDir + " failed (exit "
                    + rc + "): " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady(Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker at " + bootstrapServers()
                                + " did not answer within " + timeout.toSeconds() + " s", notYet);
                    }
                }
                sleep(100);
            }
        }
    }

    private void stopServer() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        LOG.info("Kafka broker at {} stopped", bootstrapServers());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
