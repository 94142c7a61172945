package io.artifactpipeline.core.model;

import java.util.Objects;

/** The user on whose behalf a use case runs; every use case takes one so isolation is enforced in the core. */
public record Actor(UserId userId, Tier tier) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tier, "tier");
    }

    public static Actor of(String userId, Tier tier) {
        return new Actor(new UserId(userId), tier);
    }
}
