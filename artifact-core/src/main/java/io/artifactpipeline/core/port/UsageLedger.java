package io.artifactpipeline.core.port;

import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UserId;

import java.time.LocalDate;

/**
 * Tokens per user per UTC day, for the daily budget: what was spent plus what calls in flight have
 * reserved. Every operation is atomic in the store, so many threads and servers can share one ledger.
 */
public interface UsageLedger {

    /** What the day has spent and still holds in reservations. */
    long tokensUsed(UserId user, LocalDate day);

    /** Adds spent tokens to the day's total unconditionally. */
    void record(UserId user, LocalDate day, TokenUsage usage);

    /**
     * Reserves {@code tokens} for a call about to be made, only if the day's total stays within
     * {@code limit}: a conditional update, so two servers can never both pass on the last tokens.
     *
     * @return whether the tokens were reserved
     */
    boolean reserve(UserId user, LocalDate day, long tokens, long limit);

    /** Replaces a reservation made by {@link #reserve} by what the call really cost (nothing, if it failed unbilled). */
    void settle(UserId user, LocalDate day, long reserved, TokenUsage actual);
}
