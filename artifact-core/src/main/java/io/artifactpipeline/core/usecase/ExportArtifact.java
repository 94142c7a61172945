package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.NotWrittenException;
import io.artifactpipeline.core.export.Document;
import io.artifactpipeline.core.export.ExportDocuments;
import io.artifactpipeline.core.export.ExportVariant;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.ProjectStore;

import java.time.Clock;
import java.util.Objects;

/** One artifact as a document a founder can keep: the structure that Markdown and PDF are rendered from. */
public final class ExportArtifact {
    private final ArtifactStore artifacts;
    private final ProjectStore projects;
    private final Clock clock;

    public ExportArtifact(ArtifactStore artifacts, ProjectStore projects, Clock clock) {
        this.artifacts = artifacts;
        this.projects = projects;
        this.clock = clock;
    }

    public record Query(ArtifactId artifactId, ExportVariant variant) {
        public Query {
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(variant, "variant");
        }
    }

    /** The document, with what a file of it is named after. */
    public record Exported(String projectName, ArtifactType type, Document document) {
    }

    /** @throws NotWrittenException when the model has not written the artifact yet */
    public Exported export(Actor actor, Query query) {
        Artifact artifact = artifacts.ownedArtifact(actor.userId(), query.artifactId());
        if (!artifact.hasContent()) {
            throw new NotWrittenException(artifact.type());
        }
        Project project = projects.ownedProject(actor.userId(), artifact.projectId());
        return new Exported(project.name(), artifact.type(), ExportDocuments.forArtifact(project, artifact,
                actor.tier(), query.variant(), clock.instant()));
    }
}
