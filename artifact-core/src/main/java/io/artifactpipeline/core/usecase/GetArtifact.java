package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.port.ArtifactStore;

/** One of the caller's artifacts; another user's is not found. */
public final class GetArtifact {
    private final ArtifactStore artifacts;

    public GetArtifact(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    public Artifact get(Actor actor, ArtifactId id) {
        return artifacts.ownedArtifact(actor.userId(), id);
    }
}
