package io.artifactpipeline.core.model;

import java.util.Objects;

/** Why an artifact failed: a stable machine code and a human message. */
public record ArtifactError(ErrorCode code, String message) {
    public ArtifactError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
