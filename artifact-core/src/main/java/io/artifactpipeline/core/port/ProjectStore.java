package io.artifactpipeline.core.port;

import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;

import java.util.List;
import java.util.Optional;

/** Where projects live. Every read is scoped to an owner: another user's project is simply not found. */
public interface ProjectStore {

    Project create(Project project);

    Optional<Project> find(UserId owner, ProjectId id);

    /** The owner's projects, newest first. */
    List<Project> list(UserId owner);
}
