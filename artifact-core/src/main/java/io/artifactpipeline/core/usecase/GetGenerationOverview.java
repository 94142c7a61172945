package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationOverview;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.ProjectStore;

/** Where each of a project's artifacts stands and which generation is running for it. */
public final class GetGenerationOverview {
    private final ProjectStore projects;
    private final ArtifactStore artifacts;
    private final GenerationQueue queue;

    public GetGenerationOverview(ProjectStore projects, ArtifactStore artifacts, GenerationQueue queue) {
        this.projects = projects;
        this.artifacts = artifacts;
        this.queue = queue;
    }

    /** @throws io.artifactpipeline.core.error.NotFoundException for an unknown or foreign project */
    public GenerationOverview get(Actor actor, ProjectId projectId) {
        ProjectId owned = projects.ownedProject(actor.userId(), projectId).id();
        return GenerationOverview.of(artifacts.listByProject(actor.userId(), owned),
                queue.findActiveGeneration(actor.userId(), owned).map(Generation::id));
    }
}
