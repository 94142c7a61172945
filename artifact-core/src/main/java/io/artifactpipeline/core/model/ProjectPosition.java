package io.artifactpipeline.core.model;

import java.time.Instant;
import java.util.Objects;

/** Where a page of projects (newest first) ends: projects of the same instant are ordered by id. */
public record ProjectPosition(Instant createdAt, ProjectId id) {
    public ProjectPosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public static ProjectPosition of(Project project) {
        return new ProjectPosition(project.createdAt(), project.id());
    }
}
