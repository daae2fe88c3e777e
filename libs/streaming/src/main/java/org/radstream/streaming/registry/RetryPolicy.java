package org.radstream.streaming.registry;

import java.time.Duration;

/**
 * How {@link SchemaRegistryClient} retries a call that failed for a reason that may pass: connection refused
 * or reset, timeout, HTTP 5xx, 408 or 429. Other 4xx answers are final and never retried.
 *
 * <p>Attempt {@code n} (1-based) is followed, if it failed retryably, by a pause of
 * {@code min(initialBackoff * 2^(n-1), maxBackoff)}. The client gives up after {@code maxAttempts} attempts, or
 * earlier when the next pause would end later than {@code maxTotalWait} after the first attempt started; so a
 * call takes at most about {@code maxTotalWait} plus one request timeout.
 *
 * @param maxAttempts    attempts in all, at least 1 (default 40)
 * @param initialBackoff first pause (default 200 ms)
 * @param maxBackoff     longest pause (default 4 s)
 * @param maxTotalWait   time budget from the first attempt (default 120 s)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalWait) {

    /**
     * 200 ms doubling up to 4 s, within 120 s (the attempt cap, 40, does not bind first): a registry restart or a
     * network outage of a minute is ridden out by retrying, as the registry-outage fault drill checks. (8 attempts
     * gave up after ~14 s, and a stage dead-lettered records or stopped during a 30 s outage.)
     */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(40, Duration.ofMillis(200), Duration.ofSeconds(4), Duration.ofSeconds(120));

    /** One attempt, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry maxAttempts must be >= 1, was " + maxAttempts);
        }
        requireNonNegative("initialBackoff", initialBackoff);
        requireNonNegative("maxBackoff", maxBackoff);
        requireNonNegative("maxTotalWait", maxTotalWait);
    }

    /** The pause after failed attempt {@code attempt} (1-based). */
    public Duration backoffAfter(int attempt) {
        long millis = initialBackoff.toMillis();
        for (int i = 1; i < attempt && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    private static void requireNonNegative(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("retry " + name + " must be a non-negative duration, was " + d);
        }
    }
}
