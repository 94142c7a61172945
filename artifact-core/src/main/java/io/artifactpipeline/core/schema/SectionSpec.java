package io.artifactpipeline.core.schema;

import io.artifactpipeline.core.model.SectionLevel;

import java.util.Objects;

/**
 * One section of an artifact type: its key, the tier level it belongs to, its shape, what it is for,
 * and the title people read (derived from the key by {@link HumanTitle} unless declared).
 */
public record SectionSpec(String key, SectionLevel level, Shape shape, String description, String title) {
    public SectionSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(title, "title");
    }

    /** A section whose human title follows from its key. */
    public SectionSpec(String key, SectionLevel level, Shape shape, String description) {
        this(key, level, shape, description, HumanTitle.of(key));
    }

    /** The same section under a declared title, for a key the rule does not read well. */
    public SectionSpec titled(String declaredTitle) {
        return new SectionSpec(key, level, shape, description, declaredTitle);
    }
}
