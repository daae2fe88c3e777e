package org.radstream.streaming.runtime;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.radstream.streaming.config.RadstreamConfig;

/**
 * Kafka client properties with radstream's delivery guarantees, from the connection in
 * {@link RadstreamConfig}: every service starts from these instead of assembling its own.
 * <ul>
 *   <li>producers: idempotent, {@code acks=all} (no duplicates or losses on retries);</li>
 *   <li>consumers: manual commits, {@code read_committed} (never see aborted transactions), start from
 *       the earliest offset when the group is new;</li>
 *   <li>Kafka Streams: {@code exactly_once_v2}, a persistent state directory, the same consumer reset.</li>
 * </ul>
 */
public final class ClientProperties {

    private ClientProperties() {
    }

    /** An idempotent producer with {@code acks=all}. */
    public static Properties producer(RadstreamConfig config, String clientId) {
        Properties p = config.toKafkaProperties();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, Objects.requireNonNull(clientId, "clientId"));
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    /** A group consumer for {@link ConsumerLoopService}: manual commits, read_committed, earliest on a new group. */
    public static Properties consumer(RadstreamConfig config, String groupId) {
        Properties p = config.toKafkaProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, Objects.requireNonNull(groupId, "groupId"));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    /**
     * A Kafka Streams application with exactly-once processing.
     *
     * @param applicationId the stage name; also its consumer group and the prefix of its internal topics
     * @param stateDir      where RocksDB stores live; keep it on a persistent volume so restarts resume
     */
    public static Properties streams(RadstreamConfig config, String applicationId, Path stateDir) {
        Properties p = config.toKafkaProperties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, Objects.requireNonNull(applicationId, "applicationId"));
        p.put(StreamsConfig.STATE_DIR_CONFIG, Objects.requireNonNull(stateDir, "stateDir").toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return p;
    }
}
