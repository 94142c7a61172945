package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactStore;

import java.util.List;

/** A project's artifacts in generation order; empty for a project with none, an unknown or a foreign one. */
public final class ListProjectArtifacts {
    private final ArtifactStore artifacts;

    public ListProjectArtifacts(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    public List<Artifact> list(Actor actor, ProjectId projectId) {
        return artifacts.listByProject(actor.userId(), projectId);
    }
}
