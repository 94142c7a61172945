package io.artifactpipeline.core.model;

import java.time.Instant;
import java.util.Objects;

/** Where an artifact stands, without its content: what clients poll. */
public record ArtifactProgress(ArtifactStatus status, int versionNumber, Instant updatedAt, ArtifactError error) {
    public ArtifactProgress {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static ArtifactProgress of(Artifact artifact) {
        return new ArtifactProgress(artifact.status(), artifact.versionNumber(), artifact.updatedAt(), artifact.error());
    }
}
