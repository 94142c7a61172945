package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectPosition;
import io.artifactpipeline.core.port.ProjectStore;

import java.util.Objects;

/** The caller's projects, newest first, a page at a time. */
public final class ListProjects {
    private final ProjectStore projects;

    public ListProjects(ProjectStore projects) {
        this.projects = projects;
    }

    public record Query(PageRequest<ProjectPosition> page) {
        public Query {
            Objects.requireNonNull(page, "page");
        }

        /** The newest projects, as many as a page holds by default. */
        public static Query newest() {
            return new Query(PageRequest.firstDefault());
        }
    }

    public Page<Project, ProjectPosition> list(Actor actor, Query query) {
        return projects.page(actor.userId(), query.page());
    }
}
