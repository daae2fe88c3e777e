package org.radstream.streaming.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.radstream.streaming.topics.TopicSpec;

/**
 * Sends a stage's output events, keyed by caseId, and waits until the broker acknowledged every one: the
 * consumer loop commits the input only after {@link #sendAll} returned, so an input is never committed with
 * outputs still in flight. The producer is idempotent ({@code ClientProperties.producer}), so a retry inside
 * the client never duplicates; a re-run after a crash re-sends the same events (at-least-once).
 */
public final class StageOutput {

    /** One event to send. */
    public record Event(TopicSpec topic, String key, SpecificRecord value) {
        public Event {
            Objects.requireNonNull(topic, "topic");
            if (!topic.valueType().isInstance(value)) {
                throw new IllegalArgumentException(topic.name() + " takes " + topic.valueSchemaName() + ", not "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
        }
    }

    private final Producer<String, SpecificRecord> producer;
    private final long timeoutMs;

    public StageOutput(Producer<String, SpecificRecord> producer, long timeoutMs) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.timeoutMs = timeoutMs;
    }

    /**
     * Sends every event, then waits for every acknowledgement.
     *
     * @throws InterruptedException when the service is stopping (the input stays uncommitted)
     * @throws IllegalStateException when a send failed or was not acknowledged in time
     */
    public void sendAll(List<Event> events) throws InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (Event e : events) {
            sent.add(producer.send(new ProducerRecord<>(e.topic().name(), e.key(), e.value())));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (int i = 0; i < sent.size(); i++) {
            String topic = events.get(i).topic().name();
            try {
                sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("sending to " + topic + " failed: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("sending to " + topic + " not acknowledged within " + timeoutMs + " ms", e);
            }
        }
    }
}
