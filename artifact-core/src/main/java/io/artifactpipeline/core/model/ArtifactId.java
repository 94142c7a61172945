package io.artifactpipeline.core.model;

import java.util.Objects;
import java.util.UUID;

public record ArtifactId(UUID value) {
    public ArtifactId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
