package io.artifactpipeline.core.port;

import io.artifactpipeline.core.error.NotFoundException;

import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;

import java.util.List;
import java.util.Optional;

/** Where projects live. Every read is scoped to an owner: another user's project is simply not found. */
public interface ProjectStore {

    Project create(Project project);

    Optional<Project> findProject(UserId owner, ProjectId id);

    /**
     * The owner's project.
     *
     * @throws NotFoundException for an unknown project and for another user's, alike
     */
    default Project ownedProject(UserId owner, ProjectId id) {
        return findProject(owner, id).orElseThrow(() -> new NotFoundException("project"));
    }

    /** The owner's projects, newest first. */
    List<Project> list(UserId owner);
}
