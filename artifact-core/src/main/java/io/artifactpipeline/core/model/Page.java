package io.artifactpipeline.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A page of a list and, when more entries follow, the position to ask the next page after.
 *
 * @param <T> the entries
 * @param <K> the position type
 */
public record Page<T, K>(List<T> items, Optional<K> nextAfter) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextAfter, "nextAfter");
    }

    /**
     * The page out of up to {@code limit + 1} entries read in order: the extra one only says that
     * more follow.
     */
    public static <T, K> Page<T, K> of(List<T> readOneMore, int limit, Function<T, K> positionOf) {
        if (readOneMore.size() <= limit) {
            return new Page<>(readOneMore, Optional.empty());
        }
        List<T> items = readOneMore.subList(0, limit);
        return new Page<>(items, Optional.of(positionOf.apply(items.getLast())));
    }
}
