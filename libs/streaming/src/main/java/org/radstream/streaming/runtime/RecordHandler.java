package org.radstream.streaming.runtime;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The work of a consumer-loop stage for one record. Returning normally means the work is finished (outputs
 * sent and acknowledged); only then is the record's offset committed. Throwing sends the record to the DLQ
 * (reason from {@link org.radstream.streaming.dlq.ReasonCode#of}); an {@link InterruptedException} means
 * the service is stopping and the record is left uncommitted.
 */
@FunctionalInterface
public interface RecordHandler<K, V> {
    void handle(ConsumerRecord<K, V> record) throws Exception;
}
