package io.artifactpipeline.core.model;

import java.util.Objects;
import java.util.UUID;

public record AnnotationId(UUID value) {
    public AnnotationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
