package io.artifactpipeline.http.security;

import io.artifactpipeline.core.model.Actor;

import java.time.Instant;
import java.util.Objects;

/**
 * What a bearer token proved once its signature and claims held: whom it authenticates, and until when
 * (its {@code exp}; requests that outlive the token, such as event streams, end then).
 */
public record VerifiedToken(Actor actor, Instant expiresAt) {
    public VerifiedToken {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
