package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ProjectStore;

/** One of the caller's projects; another user's is not found. */
public final class GetProject {
    private final ProjectStore projects;

    public GetProject(ProjectStore projects) {
        this.projects = projects;
    }

    public Project get(Actor actor, ProjectId id) {
        return projects.ownedProject(actor.userId(), id);
    }
}
