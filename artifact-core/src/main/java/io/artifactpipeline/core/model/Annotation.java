package io.artifactpipeline.core.model;

import java.time.Instant;
import java.util.Objects;

/** A founder's note beside a section; never part of the content, and it survives regeneration. */
public record Annotation(AnnotationId id, String sectionId, String note, Instant createdAt) {
    public static final int MAX_NOTE_LENGTH = 4_000;

    public Annotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
