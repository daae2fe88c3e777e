package org.radstream.streaming.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.radstream.streaming.dlq.DeadLetterCounts;
import org.radstream.streaming.dlq.DeadLetterFactory;
import org.radstream.streaming.dlq.DeadLetterWriter;
import org.radstream.streaming.dlq.TestDeadLetterSerde;

/**
 * A service process for {@link ServiceRunnerSigtermIT}: a consumer loop under {@link ServiceRunner#run} whose
 * work on offset 2 never ends. Args: bootstrap, topic, group.
 */
public final class SigtermProbe {
    private SigtermProbe() {
    }

    public static void main(String[] args) {
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, args[2]);
        try (var producer = new KafkaProducer<>(pp, new StringSerializer(), TestDeadLetterSerde.serializer())) {
            DeadLetterWriter dlq = new DeadLetterWriter(producer, new DeadLetterFactory("probe", Clock.systemUTC()),
                    new DeadLetterCounts());
            var svc = new ConsumerLoopService<>("probe", cp, List.of(args[1]), new StringDeserializer(),
                    new StringDeserializer(), r -> {
                        if (r.offset() == 2) {
                            System.out.println("WORKING 2");
                            System.out.flush();
                            Thread.sleep(600_000);
                        }
                    }, dlq);
            int rc = ServiceRunner.run(svc, RunnerSettings.DEFAULTS.withHealthHost("127.0.0.1").withHealthPort(0)
                    .withShutdownTimeout(Duration.ofMillis(500)));
            System.out.println("EXIT " + rc);
        }
    }
}
