package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.NotFoundException;
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
        if (artifacts.find(actor.userId(), id).isEmpty()) {
            throw new NotFoundException("artifact");
        }
        return artifacts.revisions(actor.userId(), id);
    }
}
