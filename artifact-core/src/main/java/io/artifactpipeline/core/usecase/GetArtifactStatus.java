package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.port.ArtifactStore;

import java.time.Instant;

/** Where an artifact stands: what a web client polls. */
public final class GetArtifactStatus {
    private final GetArtifact getArtifact;

    public GetArtifactStatus(ArtifactStore artifacts) {
        this.getArtifact = new GetArtifact(artifacts);
    }

    public record Status(ArtifactStatus generationStatus, int versionNumber, Instant updatedAt, ArtifactError error) {
    }

    public Status get(Actor actor, ArtifactId id) {
        var artifact = getArtifact.get(actor, id);
        return new Status(artifact.status(), artifact.versionNumber(), artifact.updatedAt(), artifact.error());
    }
}
