package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.port.ArtifactStore;

/** One revision of an artifact, with the whole content as of that revision. */
public final class GetRevision {
    private final ArtifactStore artifacts;

    public GetRevision(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    public Revision get(Actor actor, ArtifactId id, int number) {
        return artifacts.revision(actor.userId(), id, number).orElseThrow(() -> new NotFoundException("revision"));
    }
}
