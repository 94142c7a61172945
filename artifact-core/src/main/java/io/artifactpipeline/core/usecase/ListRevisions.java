package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.port.ArtifactStore;

import java.util.List;

/** An artifact's history, newest first. */
public final class ListRevisions {
    private final ArtifactStore artifacts;

    public ListRevisions(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    public List<Revision> list(Actor actor, ArtifactId id) {
        return artifacts.revisions(actor.userId(), artifacts.ownedArtifact(actor.userId(), id).id());
    }
}
