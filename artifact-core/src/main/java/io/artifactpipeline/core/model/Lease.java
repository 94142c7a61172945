package io.artifactpipeline.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A worker's time-limited claim on a generation. The fencing token grows with every claim, so a
 * worker whose lease was taken over holds a stale token and the store refuses its writes.
 */
public record Lease(GenerationId generationId, String workerId, long fencingToken, Instant expiresAt) {
    public Lease {
        Objects.requireNonNull(generationId, "generationId");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
