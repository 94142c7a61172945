package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.port.ArtifactStore;

import java.time.Instant;

/** Where an artifact stands: what a web client polls. */
public final class GetArtifactStatus {
    private final ArtifactStore artifacts;

    public GetArtifactStatus(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    public record Status(ArtifactStatus generationStatus, int versionNumber, Instant updatedAt, ArtifactError error) {
    }

    public Status get(Actor actor, ArtifactId id) {
        ArtifactProgress progress = artifacts.findProgress(actor.userId(), id)
                .orElseThrow(() -> new NotFoundException("artifact"));
        return new Status(progress.status(), progress.versionNumber(), progress.updatedAt(), progress.error());
    }
}
