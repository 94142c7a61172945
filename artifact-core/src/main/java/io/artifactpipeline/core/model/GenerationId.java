package io.artifactpipeline.core.model;

import java.util.Objects;
import java.util.UUID;

public record GenerationId(UUID value) {
    public GenerationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
