package io.artifactpipeline.core.model;

import java.util.Objects;
import java.util.UUID;

public record AnnotationId(UUID value) {
    public AnnotationId {
        Objects.requireNonNull(value, "value");
    }

    public static AnnotationId parse(String text) {
        return new AnnotationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
