package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.IdSource;
import io.artifactpipeline.core.port.ProjectStore;

import java.time.Clock;

/** A founder records an idea and their answers; artifacts are written from it later. */
public final class CreateProject {
    private final ProjectStore projects;
    private final Clock clock;
    private final IdSource ids;

    public CreateProject(ProjectStore projects, Clock clock, IdSource ids) {
        this.projects = projects;
        this.clock = clock;
        this.ids = ids;
    }

    public Project create(Actor actor, NewProject input) {
        var project = new Project(new ProjectId(ids.next()), actor.userId(), input.name(), input.idea(),
                input.answers(), clock.instant());
        return projects.create(project);
    }
}
