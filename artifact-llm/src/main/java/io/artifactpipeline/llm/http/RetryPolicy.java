package io.artifactpipeline.llm.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How often and how long to wait before trying a model call again: bounded attempts, exponential backoff
 * with jitter, and a server's {@code Retry-After} honoured up to a cap.
 *
 * @param maxAttempts    calls in total, the first included
 * @param initialBackoff wait before the second attempt (before jitter); doubles each time
 * @param maxBackoff     ceiling of the computed backoff
 * @param maxRetryAfter  ceiling on a server-requested wait, so a bad header cannot park a generation
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(30));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
    }

    /**
     * The wait before attempt {@code failedAttempts + 1}. A server's Retry-After wins (capped, no jitter: the
     * server named the moment); otherwise "equal jitter": half the exponential backoff fixed, half random, so a
     * burst of callers that failed together does not retry together.
     */
    public Duration delayAfter(int failedAttempts, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
        }
        long base = initialBackoff.toMillis() << Math.min(failedAttempts - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }
}
