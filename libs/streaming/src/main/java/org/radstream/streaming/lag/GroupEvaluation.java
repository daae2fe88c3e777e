package org.radstream.streaming.lag;

/**
 * A group's status over a window of samples, with the reason in words.
 *
 * @param status  OK, WARN, ERR or STOPPED
 * @param reason  why, naming the partition that decided it, e.g.
 *                {@code committed offset stuck at 3 with lag 7 over 3 samples (radstream.clinical.v1-0)}
 * @param samples number of samples the evaluation used
 */
public record GroupEvaluation(LagStatus status, String reason, int samples) {
}
