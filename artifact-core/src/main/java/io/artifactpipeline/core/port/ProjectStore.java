package io.artifactpipeline.core.port;

import io.artifactpipeline.core.error.NotFoundException;

import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.ProjectPosition;
import io.artifactpipeline.core.model.UserId;

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

    /** How many projects the owner has; a user's projects are bounded. */
    int countProjects(UserId owner);

    /** A page of the owner's projects, newest first (ties by id); read by position, not by offset. */
    Page<Project, ProjectPosition> page(UserId owner, PageRequest<ProjectPosition> request);
}
