package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ProjectStore;

import java.util.function.Consumer;

/** Follows every change of one of the caller's projects' artifacts as it happens. */
public final class WatchProject {
    private final ProjectStore projects;
    private final ArtifactEvents events;

    public WatchProject(ProjectStore projects, ArtifactEvents events) {
        this.projects = projects;
        this.events = events;
    }

    /** @throws io.artifactpipeline.core.error.NotFoundException for an unknown or foreign project */
    public ArtifactEvents.Subscription watch(Actor actor, ProjectId projectId, Consumer<ArtifactChange> listener) {
        return events.subscribe(projects.ownedProject(actor.userId(), projectId).id(), listener);
    }
}
