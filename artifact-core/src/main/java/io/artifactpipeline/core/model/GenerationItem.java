package io.artifactpipeline.core.model;

import java.util.Objects;

/** One artifact a generation writes, and how far it got. */
public record GenerationItem(ArtifactType type, ArtifactId artifactId, Status status, ArtifactError error) {
    public enum Status {
        PENDING("generating"), SUCCEEDED("idle"), FAILED("failed");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        /** The same word the artifact's own status uses on the wire. */
        public String wireName() {
            return wireName;
        }
    }

    public GenerationItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(status, "status");
    }

    public static GenerationItem pending(ArtifactType type, ArtifactId artifactId) {
        return new GenerationItem(type, artifactId, Status.PENDING, null);
    }

    public boolean isFinished() {
        return status != Status.PENDING;
    }

    public GenerationItem succeeded() {
        return new GenerationItem(type, artifactId, Status.SUCCEEDED, null);
    }

    public GenerationItem failed(ArtifactError reason) {
        return new GenerationItem(type, artifactId, Status.FAILED, reason);
    }
}
