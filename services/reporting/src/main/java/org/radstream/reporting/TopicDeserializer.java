package org.radstream.reporting;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One value decoder for a consumer of several topics: each topic's own decoder, chosen by the record's topic, so
 * each event is read into its own generated class with its own reader schema.
 */
final class TopicDeserializer implements Deserializer<SpecificRecord> {
    private final Map<String, Deserializer<? extends SpecificRecord>> byTopic;

    TopicDeserializer(Map<String, Deserializer<? extends SpecificRecord>> byTopic) {
        this.byTopic = Map.copyOf(byTopic);
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return decoder(topic).deserialize(topic, data);
    }

    @Override
    public SpecificRecord deserialize(String topic, Headers headers, byte[] data) {
        return decoder(topic).deserialize(topic, headers, data);
    }

    private Deserializer<? extends SpecificRecord> decoder(String topic) {
        Deserializer<? extends SpecificRecord> d = byTopic.get(topic);
        if (d == null) {
            throw new SerializationException("no decoder for topic " + topic + " (reads " + byTopic.keySet() + ")");
        }
        return d;
    }
}
