package io.artifactpipeline.core.schema;

import io.artifactpipeline.core.model.SectionLevel;

import java.util.Objects;

/** One section of an artifact type: its key, the tier level it belongs to, its shape, and what it is for. */
public record SectionSpec(String key, SectionLevel level, Shape shape, String description) {
    public SectionSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(description, "description");
    }
}
