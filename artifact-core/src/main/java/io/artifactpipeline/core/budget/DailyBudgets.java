package io.artifactpipeline.core.budget;

import io.artifactpipeline.core.model.Tier;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Tokens each tier may spend per user per UTC day; ARTIFACTS.md's figures unless configured. */
public record DailyBudgets(Map<Tier, Long> perTier) {
    public DailyBudgets {
        EnumMap<Tier, Long> copy = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            long budget = perTier.getOrDefault(tier, tier.dailyTokenBudget());
            if (budget < 0) {
                throw new IllegalArgumentException("the daily budget of " + tier.wireName() + " must not be negative");
            }
            copy.put(tier, budget);
        }
        perTier = Collections.unmodifiableMap(copy);
    }

    public static DailyBudgets defaults() {
        return new DailyBudgets(Map.of());
    }

    /** These budgets with {@code tier}'s set to {@code tokens}. */
    public DailyBudgets with(Tier tier, long tokens) {
        EnumMap<Tier, Long> changed = new EnumMap<>(perTier);
        changed.put(tier, tokens);
        return new DailyBudgets(changed);
    }

    public long of(Tier tier) {
        return perTier.get(tier);
    }
}
