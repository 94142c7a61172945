package io.artifactpipeline.core.budget;

import io.artifactpipeline.core.error.BudgetExhaustedException;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UsageSettlement;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.UsageLedger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The daily token budget of each tier, a domain rule. Before every model call its worst case is
 * reserved atomically in the ledger and afterwards settled to what it really cost, so that however many
 * calls of one user run at once, on however many servers, the day's total never passes the budget by
 * more than the last call's estimate error. A generation is refused up front when an estimate of its
 * calls does not fit what is left.
 */
public final class TokenBudget {
    /** A full artifact with its context: a few thousand tokens in, a couple of thousand out. */
    public static final long DEFAULT_ESTIMATE_PER_CALL = 8_000;

    private final UsageLedger ledger;
    private final DailyBudgets budgets;
    private final Clock clock;
    private final long estimatePerCall;

    public TokenBudget(UsageLedger ledger, DailyBudgets budgets, Clock clock, long estimatePerCall) {
        this.ledger = ledger;
        this.budgets = budgets;
        this.clock = clock;
        this.estimatePerCall = estimatePerCall;
    }

    public TokenBudget(UsageLedger ledger, Clock clock, long estimatePerCall) {
        this(ledger, DailyBudgets.defaults(), clock, estimatePerCall);
    }

    /** Tokens held for one model call until it is settled. */
    public record Reservation(UserId user, LocalDate day, long tokens) {
        public Reservation {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(day, "day");
        }
    }

    /** Refuses to start work of {@code calls} model calls that the day's budget cannot cover. */
    public void ensureAffordable(UserId user, Tier tier, int calls) {
        if (ledger.tokensUsed(user, today()) + calls * estimatePerCall > budgets.of(tier)) {
            throw new BudgetExhaustedException(untilBudgetRenews());
        }
    }

    /**
     * Holds the worst case of one call, when the model can tell it, else the configured estimate.
     *
     * @return the reservation to settle after the call, or empty when the budget cannot cover the call
     */
    public Optional<Reservation> reserve(UserId user, Tier tier, OptionalLong worstCase) {
        LocalDate day = today();
        long tokens = worstCase.orElse(estimatePerCall);
        return ledger.reserve(user, day, tokens, budgets.of(tier))
                ? Optional.of(new Reservation(user, day, tokens)) : Optional.empty();
    }

    /** Replaces the reservation by what the call cost; on the day it was made, even past midnight. */
    public void settle(Reservation reservation, TokenUsage actual) {
        settle(List.of(settlement(reservation, actual)));
    }

    /** The settlement of a reservation, for a store that settles it together with a write. */
    public UsageSettlement settlement(Reservation reservation, TokenUsage actual) {
        return new UsageSettlement(reservation.user(), reservation.day(), reservation.tokens(), actual);
    }

    /** Settles calls whose settlement was not handed to a write after all. */
    public void settle(List<UsageSettlement> calls) {
        calls.forEach(call -> ledger.settle(call.user(), call.day(), call.reserved(), call.actual()));
    }

    /** Whether reservations are kept in {@code other}, so that its owner may settle them. */
    public boolean keepsReservationsIn(UsageLedger other) {
        return ledger == other;
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
