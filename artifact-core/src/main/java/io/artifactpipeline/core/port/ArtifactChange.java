package io.artifactpipeline.core.port;

import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ProjectId;

import java.time.Instant;
import java.util.Objects;

/** Something happened to one of a project's artifacts; what live clients are told. */
public record ArtifactChange(ProjectId projectId, ArtifactId artifactId, ArtifactType type, Kind kind,
                             ArtifactStatus status, int versionNumber, Instant at) {

    public enum Kind {
        STATUS_CHANGED("status"), CONTENT_WRITTEN("content"), EDITED("edit"), ANNOTATED("annotation");

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

    public static ArtifactChange of(Artifact artifact, Kind kind) {
        return new ArtifactChange(artifact.projectId(), artifact.id(), artifact.type(), kind, artifact.status(),
                artifact.versionNumber(), artifact.updatedAt());
    }
}
