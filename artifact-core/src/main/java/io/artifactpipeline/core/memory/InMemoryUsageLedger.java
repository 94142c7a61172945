package io.artifactpipeline.core.memory;

import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.UsageLedger;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token usage per user per day, in memory. */
public final class InMemoryUsageLedger implements UsageLedger {
    private record Key(UserId user, LocalDate day) {
    }

    private final Map<Key, Long> used = new ConcurrentHashMap<>();

    @Override
    public long tokensUsed(UserId user, LocalDate day) {
        return used.getOrDefault(new Key(user, day), 0L);
    }

    @Override
    public void record(UserId user, LocalDate day, TokenUsage usage) {
        used.merge(new Key(user, day), usage.total(), Long::sum);
    }
}
