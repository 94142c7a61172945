package io.artifactpipeline.core.budget;

import io.artifactpipeline.core.error.BudgetExhaustedException;
import io.artifactpipeline.core.memory.InMemoryUsageLedger;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UserId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBudgetTest {
    private static final UserId ALICE = new UserId("alice");
    private static final Instant NOW = Instant.parse("2025-03-14T21:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
    private static final long ESTIMATE = 1_000;

    private final InMemoryUsageLedger ledger = new InMemoryUsageLedger();
    private final TokenBudget budget = new TokenBudget(ledger, Clock.fixed(NOW, ZoneOffset.UTC), ESTIMATE);

    @Test
    void workIsAffordableUpToExactlyTheTiersBudget() {
        ledger.record(ALICE, TODAY, TokenUsage.of(Tier.BOOTSTRAPPER.dailyTokenBudget() - 5 * ESTIMATE, 0));
        assertThat(affords(budget, Tier.BOOTSTRAPPER, 5)).isTrue();
        assertThat(affords(budget, Tier.BOOTSTRAPPER, 6)).isFalse();
    }

    @Test
    void eachTierHasItsOwnBudget() {
        ledger.record(ALICE, TODAY, TokenUsage.of(1_000_000, 0));
        assertThat(affords(budget, Tier.BOOTSTRAPPER, 1)).isFalse();
        assertThat(affords(budget, Tier.PARTNER, 1)).isTrue();
        assertThat(affords(budget, Tier.CTO_SCALE, 1)).isTrue();
    }

    @Test
    void refusalSaysHowLongUntilTheNextUtcMidnight() {
        ledger.record(ALICE, TODAY, TokenUsage.of(Tier.BOOTSTRAPPER.dailyTokenBudget(), 0));
        assertThatThrownBy(() -> budget.ensureAffordable(ALICE, Tier.BOOTSTRAPPER, 1))
                .isInstanceOfSatisfying(BudgetExhaustedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(150)));
    }

    @Test
    void theDayIsTheUtcDayWhateverTheClocksZone() {
        // 21:30 UTC is already the 15th in Tokyo; the budget still counts the 14th.
        TokenBudget inTokyo = new TokenBudget(ledger, Clock.fixed(NOW, ZoneId.of("Asia/Tokyo")), ESTIMATE);
        inTokyo.settle(inTokyo.reserve(ALICE, Tier.BOOTSTRAPPER, OptionalLong.of(500)).orElseThrow(),
                TokenUsage.of(100, 20));
        assertThat(ledger.tokensUsed(ALICE, TODAY)).isEqualTo(120);
        ledger.record(ALICE, TODAY, TokenUsage.of(Tier.BOOTSTRAPPER.dailyTokenBudget(), 0));
        assertThatThrownBy(() -> inTokyo.ensureAffordable(ALICE, Tier.BOOTSTRAPPER, 1))
                .isInstanceOfSatisfying(BudgetExhaustedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(150)));
    }

    @Test
    void settlingCountsEveryTokenTheProviderProcessedInsteadOfTheReservation() {
        TokenBudget.Reservation first = budget.reserve(ALICE, Tier.BOOTSTRAPPER, OptionalLong.of(5_000)).orElseThrow();
        assertThat(budget.usedToday(ALICE)).isEqualTo(5_000);
        budget.settle(first, new TokenUsage(100, 50, 30, 20));
        budget.settle(budget.reserve(ALICE, Tier.BOOTSTRAPPER, OptionalLong.empty()).orElseThrow(), TokenUsage.of(1, 1));
        assertThat(budget.usedToday(ALICE)).isEqualTo(202);
    }

    @Test
    void aCallIsReservedAtItsWorstCaseOrTheEstimateAndRefusedWhenItDoesNotFit() {
        ledger.record(ALICE, TODAY, TokenUsage.of(Tier.BOOTSTRAPPER.dailyTokenBudget() - 3_000, 0));
        assertThat(budget.reserve(ALICE, Tier.BOOTSTRAPPER, OptionalLong.of(3_001))).isEmpty();
        assertThat(budget.reserve(ALICE, Tier.BOOTSTRAPPER, OptionalLong.empty())).get()
                .extracting(TokenBudget.Reservation::tokens).isEqualTo(ESTIMATE);
        assertThat(budget.reserve(ALICE, Tier.BOOTSTRAPPER, OptionalLong.of(2_000))).isPresent();
        assertThat(budget.reserve(ALICE, Tier.BOOTSTRAPPER, OptionalLong.of(1))).isEmpty();
    }

    @Test
    void configuredBudgetsReplaceTheTiersDefaults() {
        TokenBudget small = new TokenBudget(ledger, DailyBudgets.defaults().with(Tier.PARTNER, 2_500),
                Clock.fixed(NOW, ZoneOffset.UTC), ESTIMATE);
        assertThat(affords(small, Tier.PARTNER, 2)).isTrue();
        assertThat(affords(small, Tier.PARTNER, 3)).isFalse();
        assertThat(affords(small, Tier.BOOTSTRAPPER, 3)).isTrue();
        assertThatThrownBy(() -> DailyBudgets.defaults().with(Tier.CTO_SCALE, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usersHaveSeparateBudgets() {
        ledger.record(new UserId("bob"), TODAY, TokenUsage.of(Tier.BOOTSTRAPPER.dailyTokenBudget(), 0));
        assertThat(affords(budget, Tier.BOOTSTRAPPER, 5)).isTrue();
    }

    @Test
    void yesterdaysUsageDoesNotCount() {
        ledger.record(ALICE, TODAY.minusDays(1), TokenUsage.of(Tier.BOOTSTRAPPER.dailyTokenBudget(), 0));
        assertThat(affords(budget, Tier.BOOTSTRAPPER, 5)).isTrue();
    }

    private static boolean affords(TokenBudget budget, Tier tier, int calls) {
        try {
            budget.ensureAffordable(ALICE, tier, calls);
            return true;
        } catch (BudgetExhaustedException refused) {
            return false;
        }
    }
}
