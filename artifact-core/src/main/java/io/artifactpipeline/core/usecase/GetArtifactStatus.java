package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.port.ArtifactStore;

/** Where an artifact stands: what a web client polls. */
public final class GetArtifactStatus {
    private final ArtifactStore artifacts;

    public GetArtifactStatus(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    public ArtifactProgress get(Actor actor, ArtifactId id) {
        return artifacts.findProgress(actor.userId(), id).orElseThrow(() -> new NotFoundException("artifact"));
    }
}
