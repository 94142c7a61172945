package io.artifactpipeline.core.memory;

import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.UsageLedger;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Token usage per user per day, in memory; each operation is atomic on the day's entry. */
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

    @Override
    public boolean reserve(UserId user, LocalDate day, long tokens, long limit) {
        AtomicBoolean reserved = new AtomicBoolean();
        used.compute(new Key(user, day), (key, current) -> {
            long total = current == null ? 0 : current;
            reserved.set(total + tokens <= limit);
            return reserved.get() ? total + tokens : total;
        });
        return reserved.get();
    }

    @Override
    public void settle(UserId user, LocalDate day, long reserved, TokenUsage actual) {
        used.merge(new Key(user, day), actual.total() - reserved, Long::sum);
    }
}
