package io.artifactpipeline.llm.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How often and how long to wait before trying a model call again: bounded attempts, exponential backoff with
 * full jitter, and a server's requested wait honoured when it is reasonable.
 *
 * @param maxAttempts    calls in total, the first included
 * @param initialBackoff ceiling of the wait before the second attempt; doubles each time
 * @param maxBackoff     ceiling of the computed backoff
 * @param maxRetryAfter  the longest server-requested wait that is honoured; a longer one is taken for a bad
 *                       header and the backoff applies instead, as in the official SDKs
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(60));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
    }

    /**
     * The wait before attempt {@code failedAttempts + 1}. A server's wait above zero and up to
     * {@link #maxRetryAfter} wins as it is (the server named the moment); otherwise "full jitter": anywhere
     * between zero and the exponential backoff, so a burst of callers that failed together spreads out.
     */
    public Duration delayAfter(int failedAttempts, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (retryAfter.isPresent() && retryAfter.get().isPositive() && retryAfter.get().compareTo(maxRetryAfter) <= 0) {
            return retryAfter.get();
        }
        long base = initialBackoff.toMillis() << Math.min(failedAttempts - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis((long) (random.getAsDouble() * capped));
    }
}
