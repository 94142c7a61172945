package io.artifactpipeline.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list, newest first: at most {@code limit} entries after the position {@code after}
 * (keyset paging: a position, not an offset, so pages stay right while entries are added).
 *
 * @param <K> the position type of the list
 */
public record PageRequest<K>(int limit, Optional<K> after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1.." + MAX_LIMIT + " entries");
        }
    }

    public static <K> PageRequest<K> first(int limit) {
        return new PageRequest<>(limit, Optional.empty());
    }

    public static <K> PageRequest<K> firstDefault() {
        return first(DEFAULT_LIMIT);
    }
}
