package io.artifactpipeline.core.model;

import java.util.Objects;
import java.util.UUID;

public record GenerationId(UUID value) {
    public GenerationId {
        Objects.requireNonNull(value, "value");
    }

    public static GenerationId parse(String text) {
        return new GenerationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
