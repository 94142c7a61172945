package io.artifactpipeline.core.port;

import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UserId;

import java.time.LocalDate;

/** Tokens spent per user per UTC day, for the daily budget. */
public interface UsageLedger {

    long tokensUsed(UserId user, LocalDate day);

    /** Adds to the day's total; safe to call from many threads and servers at once. */
    void record(UserId user, LocalDate day, TokenUsage usage);
}
