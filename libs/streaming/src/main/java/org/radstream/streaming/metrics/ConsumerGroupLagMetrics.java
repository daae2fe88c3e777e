package org.radstream.streaming.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.Admin;
import org.radstream.streaming.lag.GroupSample;
import org.radstream.streaming.lag.LagSampler;
import org.radstream.streaming.lag.PartitionLag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stage's consumer-group lag as the cluster sees it (committed offsets against end offsets, via
 * {@link LagSampler}), sampled in the background and exported per partition:
 * <pre>
 *   radstream_consumer_group_lag_records{group,topic,partition}   records not yet processed
 *   radstream_consumer_group_lag_seconds{group,topic,partition}   age of the oldest unprocessed record
 * </pre>
 * Unlike the client's own {@code records_lag} this counts only <em>committed</em> work, is the same for a
 * consumer loop and a Kafka Streams app, and is what a lag-based autoscaler reads. Partitions without a commit
 * are left out (their lag is unknown). Close to stop sampling.
 */
public final class ConsumerGroupLagMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroupLagMetrics.class);

    public static final String LAG_RECORDS = "radstream.consumer.group.lag.records";
    public static final String LAG_SECONDS = "radstream.consumer.group.lag.seconds";

    private final String group;
    private final Admin admin;
    private final LagSampler sampler;
    private final MultiGauge records;
    private final MultiGauge seconds;
    private final ScheduledExecutorService scheduler;

    /**
     * @param registry         where the gauges go (e.g. {@link StageMetrics#registry()})
     * @param clientProperties connection and security settings (a consumer's; group.id is ignored)
     * @param group            the consumer group (a Streams app's application.id)
     * @param interval         sampling interval (15 s suits a Prometheus scrape interval of 15–30 s)
     */
    public ConsumerGroupLagMetrics(MeterRegistry registry, Properties clientProperties, String group, Duration interval) {
        this.group = Objects.requireNonNull(group, "group");
        this.admin = Admin.create(clientProperties);
        this.sampler = new LagSampler(admin, clientProperties, Clock.systemUTC(), 10_000);
        this.records = MultiGauge.builder(LAG_RECORDS).description("Records of the group's topics not yet processed (committed)")
                .baseUnit("records").register(registry);
        this.seconds = MultiGauge.builder(LAG_SECONDS).description("Age of the oldest record the group has not yet processed")
                .baseUnit("seconds").register(registry);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lag-metrics-" + group);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sampleSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sampleSafely() {
        try {
            sample();
        } catch (RuntimeException e) {
            // the group may not exist yet (nothing committed) or the cluster is briefly unreachable
            LOG.debug("lag of group {} not sampled: {}", group, e.toString());
        }
    }

    /** Takes one sample now and updates the gauges (also called by the background schedule). */
    public synchronized void sample() {
        List<MultiGauge.Row<?>> r = new ArrayList<>();
        List<MultiGauge.Row<?>> s = new ArrayList<>();
        for (GroupSample g : sampler.sample(Optional.of(group))) {
            for (PartitionLag p : g.partitions()) {
                Tags tags = Tags.of("group", group, "topic", p.topic(), "partition", Integer.toString(p.partition()));
                if (p.lag() != null) {
                    r.add(MultiGauge.Row.of(tags, p.lag()));
                }
                if (p.lagMillis() != null) {
                    s.add(MultiGauge.Row.of(tags, p.lagMillis() / 1000.0));
                }
            }
        }
        records.register(r, true);
        seconds.register(s, true);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampler.close();
        admin.close(Duration.ofSeconds(5));
    }
}
