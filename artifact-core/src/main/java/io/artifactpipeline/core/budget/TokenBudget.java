package io.artifactpipeline.core.budget;

import io.artifactpipeline.core.error.BudgetExhaustedException;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.UsageLedger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The daily token budget of each tier. What a call will cost is unknown until it returns, so the
 * budget is checked against a conservative estimate per model call: a generation is refused when its
 * estimated cost would exceed what is left today, and a running one stops before the call that would.
 */
public final class TokenBudget {
    /** A full artifact with its context: a few thousand tokens in, a couple of thousand out. */
    public static final long DEFAULT_ESTIMATE_PER_CALL = 8_000;

    private final UsageLedger ledger;
    private final Clock clock;
    private final long estimatePerCall;

    public TokenBudget(UsageLedger ledger, Clock clock, long estimatePerCall) {
        this.ledger = ledger;
        this.clock = clock;
        this.estimatePerCall = estimatePerCall;
    }

    /** Refuses to start work of {@code calls} model calls that the day's budget cannot cover. */
    public void ensureAffordable(UserId user, Tier tier, int calls) {
        if (!affords(user, tier, calls)) {
            throw new BudgetExhaustedException(untilBudgetRenews());
        }
    }

    public boolean affords(UserId user, Tier tier, int calls) {
        long used = ledger.tokensUsed(user, today());
        return used + calls * estimatePerCall <= tier.dailyTokenBudget();
    }

    public void spend(UserId user, TokenUsage usage) {
        ledger.record(user, today(), usage);
    }

    public long usedToday(UserId user) {
        return ledger.tokensUsed(user, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private Duration untilBudgetRenews() {
        var now = clock.instant();
        var midnight = today().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return Duration.between(now, midnight);
    }
}
