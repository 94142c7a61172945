package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.port.ProjectStore;

import java.util.List;

/** The caller's projects, newest first. */
public final class ListProjects {
    private final ProjectStore projects;

    public ListProjects(ProjectStore projects) {
        this.projects = projects;
    }

    public List<Project> list(Actor actor) {
        return projects.list(actor.userId());
    }
}
