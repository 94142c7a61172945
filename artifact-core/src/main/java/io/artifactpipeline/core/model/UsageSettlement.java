package io.artifactpipeline.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What one model call really cost, to replace the tokens reserved for it on the day the reservation was
 * made: the provider billed the call, so it is settled whatever becomes of the write it produced.
 */
public record UsageSettlement(UserId user, LocalDate day, long reserved, TokenUsage actual) {
    public UsageSettlement {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(actual, "actual");
    }
}
