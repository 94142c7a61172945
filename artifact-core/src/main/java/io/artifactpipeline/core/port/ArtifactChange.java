package io.artifactpipeline.core.port;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.StaleDependents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Something happened to one of a project's artifacts; what live clients are told.
 *
 * @param draft for {@link Kind#SECTION_DRAFT} only: the section the model has just finished writing
 */
public record ArtifactChange(ProjectId projectId, ArtifactId artifactId, ArtifactType type, Kind kind,
                             ArtifactStatus status, int versionNumber, Instant at, Optional<SectionDraft> draft) {

    public enum Kind {
        STATUS_CHANGED("status"), CONTENT_WRITTEN("content"), EDITED("edit"), ANNOTATED("annotation"),
        /** A dependency changed after the artifact was written from it. */
        STALE("stale"),
        /** A preview of one section while the model writes; delivered live, never stored. */
        SECTION_DRAFT("section_draft");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** A top-level section as the model wrote it, before validation. */
    public record SectionDraft(String section, JsonNode value) {
        public SectionDraft {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(value, "value");
        }
    }

    public ArtifactChange {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(draft, "draft");
        if (draft.isPresent() != (kind == Kind.SECTION_DRAFT)) {
            throw new IllegalArgumentException("a section draft, and only a section draft, carries a draft");
        }
    }

    /** A change that carries no draft. */
    public ArtifactChange(ProjectId projectId, ArtifactId artifactId, ArtifactType type, Kind kind,
                          ArtifactStatus status, int versionNumber, Instant at) {
        this(projectId, artifactId, type, kind, status, versionNumber, at, Optional.empty());
    }

    /**
     * The {@link Kind#STALE} announcements owed after {@code changed} got a new revision: one per
     * dependent it made stale. The project's artifacts are read only when the type has dependents.
     */
    public static List<ArtifactChange> staleAfter(Artifact changed, Supplier<List<Artifact>> projectArtifacts) {
        if (changed.type().dependents().isEmpty()) {
            return List.of();
        }
        return StaleDependents.madeStaleBy(changed, projectArtifacts.get()).stream()
                .map(stale -> of(stale, Kind.STALE)).toList();
    }

    public static ArtifactChange of(Artifact artifact, Kind kind) {
        return new ArtifactChange(artifact.projectId(), artifact.id(), artifact.type(), kind, artifact.status(),
                artifact.versionNumber(), artifact.updatedAt());
    }

    /** The model finished writing {@code section} of the artifact it is generating. */
    public static ArtifactChange sectionDraft(Artifact generating, String section, JsonNode value, Instant at) {
        return new ArtifactChange(generating.projectId(), generating.id(), generating.type(), Kind.SECTION_DRAFT,
                generating.status(), generating.versionNumber(), at, Optional.of(new SectionDraft(section, value)));
    }

    public boolean isDraft() {
        return kind == Kind.SECTION_DRAFT;
    }
}
