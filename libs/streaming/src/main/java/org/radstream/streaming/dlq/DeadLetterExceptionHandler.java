package org.radstream.streaming.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.radstream.events.DeadLetter;
import org.radstream.streaming.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams handler that routes records which fail to deserialize, to process, or whose output fails to
 * serialize, to {@link Topics#DLQ} and continues with the next record, instead of dropping them
 * (log-and-continue) or stopping the app (log-and-fail). Failures to <em>send</em> output are not data
 * problems: retriable ones are retried, the others stop the app (bad credentials, missing topic) so that
 * nothing is dead-lettered wholesale.
 *
 * <p>It uses the dead-letter-queue support of the Streams error handlers (KIP-1034, Kafka 4.1+):
 * {@code handleError} returns {@code Response.resume(dlqRecords)} and Streams produces those records with
 * its own producer, inside the same transaction as the task's output under exactly-once.
 *
 * <p>Set up with {@link #configure(Properties, String, Serializer, DeadLetterCounts)}: Streams instantiates
 * the handler by class name and passes the application's config map, through which the stage name, the
 * {@code DeadLetter} value serializer and the shared counters reach it.
 *
 * <p>Reason codes: a {@link HasReasonCode} in the exception's cause chain wins; otherwise
 * {@link ReasonCode#DESERIALIZATION} for decoding failures, {@link ReasonCode#SERIALIZATION} for encoding
 * failures of output and {@link ReasonCode#PROCESSING_ERROR} for the rest. A dead letter's source is always
 * the <em>input</em> record being processed, with its raw value, so it can be replayed.
 */
public final class DeadLetterExceptionHandler
        implements DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);

    /** Config key: the stage name (String). */
    public static final String STAGE_CONFIG = "radstream.dlq.stage";
    /** Config key: a {@code Serializer<DeadLetter>} instance. */
    public static final String SERIALIZER_CONFIG = "radstream.dlq.serializer";
    /** Config key: a {@link DeadLetterCounts} instance (optional). */
    public static final String COUNTS_CONFIG = "radstream.dlq.counts";
    /** Config key: the {@link GlobalDeadLetterSender} for records of GlobalKTable topics (optional). */
    public static final String GLOBAL_SENDER_CONFIG = "radstream.dlq.global.sender";

    /**
     * Sends dead letters of GlobalKTable source topics itself: Kafka Streams' global thread cannot produce the
     * records a handler returns (4.3.1: ClassCastException in GlobalProcessorContextImpl, and the global thread
     * dies), so an undecodable record on such a topic would stop the stage instead of reaching the DLQ.
     */
    public interface GlobalDeadLetterSender {
        /** The topics the topology reads as GlobalKTables. */
        java.util.Set<String> topics();

        /** Sends (and flushes) one dead-letter record. */
        void send(ProducerRecord<byte[], byte[]> deadLetter);
    }

    private DeadLetterFactory factory;
    private Serializer<DeadLetter> serializer;
    private DeadLetterCounts counts;
    private GlobalDeadLetterSender globalSender;

    /**
     * Installs this handler for deserialization and processing errors into a Streams configuration.
     *
     * @param streamsProps the application's properties (modified)
     * @param stage        stage name written into every dead letter
     * @param serializer   value serializer for {@code DeadLetter} (the registry-backed Avro serializer in production)
     * @param counts       shared counters
     */
    public static void configure(Properties streamsProps, String stage, Serializer<DeadLetter> serializer,
            DeadLetterCounts counts) {
        streamsProps.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
        streamsProps.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
        streamsProps.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
        streamsProps.put(STAGE_CONFIG, stage);
        streamsProps.put(SERIALIZER_CONFIG, serializer);
        streamsProps.put(COUNTS_CONFIG, counts);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        Object stage = configs.get(STAGE_CONFIG);
        Object ser = configs.get(SERIALIZER_CONFIG);
        if (!(stage instanceof String s) || s.isBlank()) {
            throw new IllegalStateException(STAGE_CONFIG + " must be set to the stage name; use DeadLetterExceptionHandler.configure(...)");
        }
        if (!(ser instanceof Serializer<?>)) {
            throw new IllegalStateException(SERIALIZER_CONFIG + " must be a Serializer<DeadLetter> instance; use DeadLetterExceptionHandler.configure(...)");
        }
        this.factory = new DeadLetterFactory(s, Clock.systemUTC());
        this.serializer = (Serializer<DeadLetter>) ser;
        this.counts = configs.get(COUNTS_CONFIG) instanceof DeadLetterCounts c ? c : new DeadLetterCounts();
        this.globalSender = configs.get(GLOBAL_SENDER_CONFIG) instanceof GlobalDeadLetterSender g ? g : null;
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
            ConsumerRecord<byte[], byte[]> record, Exception exception) {
        ReasonCode reason = ReasonCode.of(exception, ReasonCode.DESERIALIZATION);
        String caseId = utf8OrNull(record.key());
        ProducerRecord<byte[], byte[]> dlq = deadLetter(caseId, reason, exception,
                DeadLetterSource.kafka(record.topic(), record.partition(), record.offset()), record.value());
        if (globalSender != null && globalSender.topics().contains(record.topic())) {
            globalSender.send(dlq);
            return DeserializationExceptionHandler.Response.resume(List.of());
        }
        return DeserializationExceptionHandler.Response.resume(List.of(dlq));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
            Exception exception) {
        ReasonCode reason = ReasonCode.of(exception, ReasonCode.PROCESSING_ERROR);
        byte[] rawKey = context.sourceRawKey();
        String caseId = record.key() instanceof CharSequence cs ? cs.toString() : utf8OrNull(rawKey);
        ProducerRecord<byte[], byte[]> dlq = deadLetter(caseId, reason, exception,
                DeadLetterSource.kafka(context.topic(), context.partition(), context.offset()), context.sourceRawValue());
        return ProcessingExceptionHandler.Response.resume(List.of(dlq));
    }

    @Override
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
            @SuppressWarnings("rawtypes") ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        ReasonCode reason = ReasonCode.of(exception, ReasonCode.SERIALIZATION);
        byte[] rawKey = context.sourceRawKey();
        String caseId = record.key() instanceof CharSequence cs ? cs.toString() : utf8OrNull(rawKey);
        DeadLetterSource source = context.topic() != null
                ? DeadLetterSource.kafka(context.topic(), context.partition(), context.offset())
                // output of a punctuation: no input record to point at
                : DeadLetterSource.uri("kafka-streams:" + context.taskId() + "/" + context.processorNodeId());
        ProducerRecord<byte[], byte[]> dlq = deadLetter(caseId, reason, exception, source, context.sourceRawValue());
        return ProductionExceptionHandler.Response.resume(List.of(dlq));
    }

    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
            ProducerRecord<byte[], byte[]> record, Exception exception) {
        return exception instanceof RetriableException
                ? ProductionExceptionHandler.Response.retry()
                : ProductionExceptionHandler.Response.fail();
    }

    private ProducerRecord<byte[], byte[]> deadLetter(String caseId, ReasonCode reason,
            Exception exception, DeadLetterSource source, byte[] rawValue) {
        DeadLetter dl = factory.create(caseId, reason, null, exception, source, rawValue);
        byte[] value = serializer.serialize(Topics.DLQ.name(), dl);
        byte[] key = caseId != null ? caseId.getBytes(StandardCharsets.UTF_8) : null;
        counts.increment(factory.stage(), reason);
        LOG.warn("dead letter: stage={} reason={} source={} exception={}", factory.stage(), reason, source,
                exception.getClass().getName());
        return new ProducerRecord<>(Topics.DLQ.name(), key, value);
    }

    /** Keys of the case path are UTF-8 caseIds; anything else is not a caseId. */
    private static String utf8OrNull(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
