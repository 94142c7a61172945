package io.artifactpipeline.core.port;

import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.StaleDependents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** Something happened to one of a project's artifacts; what live clients are told. */
public record ArtifactChange(ProjectId projectId, ArtifactId artifactId, ArtifactType type, Kind kind,
                             ArtifactStatus status, int versionNumber, Instant at) {

    public enum Kind {
        STATUS_CHANGED("status"), CONTENT_WRITTEN("content"), EDITED("edit"), ANNOTATED("annotation"),
        /** A dependency changed after the artifact was written from it. */
        STALE("stale");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public ArtifactChange {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
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
}
