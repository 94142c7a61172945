package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.export.Document;
import io.artifactpipeline.core.export.ExportDocuments;
import io.artifactpipeline.core.export.ExportVariant;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.ProjectStore;

import java.time.Clock;
import java.util.Objects;

/** A project's written artifacts as one document, after a table of contents that also lists what is not written yet. */
public final class ExportProject {
    private final ProjectStore projects;
    private final ArtifactStore artifacts;
    private final Clock clock;

    public ExportProject(ProjectStore projects, ArtifactStore artifacts, Clock clock) {
        this.projects = projects;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    public record Query(ProjectId projectId, ExportVariant variant) {
        public Query {
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(variant, "variant");
        }
    }

    /** The document, with the name a file of it is named after. */
    public record Exported(String projectName, Document document) {
    }

    public Exported export(Actor actor, Query query) {
        Project project = projects.ownedProject(actor.userId(), query.projectId());
        return new Exported(project.name(), ExportDocuments.forProject(project,
                artifacts.listByProject(actor.userId(), project.id()), actor.tier(), query.variant(), clock.instant()));
    }
}
