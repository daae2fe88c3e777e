package org.radstream.streaming.lag;

/** Health of a consumer group over a window of samples, after Burrow's evaluation rules (see {@link LagEvaluator}). */
public enum LagStatus {
    /** Keeping up: some lag reached zero in the window, or the lag is not growing. */
    OK,
    /** Consuming (committed offsets move) but the lag grew over the whole window: falling behind. */
    WARN,
    /** Members present, lag above zero, and the committed offset did not move over the window: stuck. */
    ERR,
    /** The group has no active member: nobody is consuming. */
    STOPPED
}
