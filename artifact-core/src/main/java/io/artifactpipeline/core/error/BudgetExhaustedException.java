package io.artifactpipeline.core.error;

import java.time.Duration;

/** The user's token budget for the UTC day is spent (or would be by this generation). */
public final class BudgetExhaustedException extends DomainException {
    private final Duration retryAfter;

    public BudgetExhaustedException(Duration retryAfter) {
        super("the token budget for today is used up");
        this.retryAfter = retryAfter;
    }

    /** Time until the budget is renewed at the next UTC midnight. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
