package org.radstream.streaming.dlq;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Objects;

import org.radstream.events.DeadLetter;

/** Builds {@link DeadLetter} events for one stage. */
public final class DeadLetterFactory {

    /** Longest message kept; longer ones are cut (a stack of causes can be huge). */
    static final int MAX_MESSAGE_CHARS = 4000;

    private final String stage;
    private final Clock clock;

    /** @param stage the rejecting stage, e.g. {@code preprocessing} */
    public DeadLetterFactory(String stage, Clock clock) {
        if (stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("stage must be a non-blank name");
        }
        this.stage = stage;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String stage() {
        return stage;
    }

    /**
     * @param caseId        pseudonymous case id, or null when unknown
     * @param reason        why
     * @param message       what, naming file/field and reason (no patient data); null = the error's message
     * @param error         the cause, or null
     * @param source        Kafka coordinates or URI of the failed input
     * @param originalValue raw bytes of the failed value, or null
     */
    public DeadLetter create(String caseId, ReasonCode reason, String message, Throwable error,
            DeadLetterSource source, byte[] originalValue) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
        String text = message != null ? message : describe(error);
        if (text.length() > MAX_MESSAGE_CHARS) {
            text = text.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
        }
        return DeadLetter.newBuilder()
                .setCaseId(caseId)
                .setStage(stage)
                .setReasonCode(reason.name())
                .setMessage(text)
                .setExceptionClass(error == null ? null : error.getClass().getName())
                .setSourceTopic(source.topic())
                .setSourcePartition(source.partition())
                .setSourceOffset(source.offset())
                .setSourceUri(source.uri())
                .setOriginalValue(originalValue == null ? null : ByteBuffer.wrap(originalValue.clone()))
                .setFailedAt(clock.instant())
                .build();
    }

    /** The error's message followed by its causes' messages: the whole story in one line. */
    static String describe(Throwable error) {
        if (error == null) {
            return "(no message)";
        }
        StringBuilder sb = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (sb.indexOf(m) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(m);
            }
        }
        return sb.toString();
    }
}
