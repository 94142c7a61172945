package io.artifactpipeline.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** A revision without its content: what a history list shows, and all a store reads to show it. */
public record RevisionSummary(int number, int versionNumber, RevisionSource source, String actor, Instant createdAt,
                              List<String> sections, OptionalInt restoredFrom) {
    public RevisionSummary {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(restoredFrom, "restoredFrom");
        sections = List.copyOf(sections);
    }
}
