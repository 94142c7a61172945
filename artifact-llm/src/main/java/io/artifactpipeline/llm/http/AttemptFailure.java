package io.artifactpipeline.llm.http;

import io.artifactpipeline.core.port.ModelFailure;

import java.time.Duration;
import java.util.Optional;

/**
 * What one failed attempt means: the reason a caller would see, whether trying again can help, and how long
 * the server asked us to wait. The message is safe to show: no key, no raw provider body.
 */
record AttemptFailure(ModelFailure.Reason reason, String message, boolean retryable, Optional<Duration> retryAfter,
                      Throwable cause) {

    static AttemptFailure retryable(ModelFailure.Reason reason, String message) {
        return new AttemptFailure(reason, message, true, Optional.empty(), null);
    }

    static AttemptFailure retryable(ModelFailure.Reason reason, String message, Throwable cause) {
        return new AttemptFailure(reason, message, true, Optional.empty(), cause);
    }

    static AttemptFailure giveUp(ModelFailure.Reason reason, String message) {
        return new AttemptFailure(reason, message, false, Optional.empty(), null);
    }

    /** The same failure with what the server's headers said about trying again. */
    AttemptFailure advisedBy(RetryHeaders headers) {
        return new AttemptFailure(reason, message, headers.shouldRetry().orElse(retryable), headers.retryAfter(), cause);
    }

    /** The same failure, with the reason no further attempt is made added to its message. */
    AttemptFailure finalBecause(String why) {
        return new AttemptFailure(reason, message + " (" + why + ")", false, retryAfter, cause);
    }

    ModelFailure toModelFailure(int attempts) {
        String text = attempts > 1 ? message + " (gave up after " + attempts + " attempts)" : message;
        return cause == null ? new ModelFailure(reason, text) : new ModelFailure(reason, text, cause);
    }
}
