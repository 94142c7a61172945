package io.artifactpipeline.core.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One immutable entry of an artifact's history: who changed its content, when, why, the whole content
 * as it was afterwards, and the artifact's marks at that point (its edited sections and what it was
 * written from), so that a restore can bring all of them back. {@code number} runs 1..n per artifact
 * and is assigned by the store; a revision not yet stored has number 0.
 *
 * @param restoredFrom for a restore, the number of the revision brought back
 */
public record Revision(ArtifactId artifactId, int number, int versionNumber, RevisionSource source, String actor,
                       Instant createdAt, List<String> sections, ObjectNode content, List<String> editedSections,
                       Map<ArtifactType, Integer> writtenFrom, OptionalInt restoredFrom) {
    /** The actor recorded for content written by the language model. */
    public static final String MODEL_ACTOR = "model";

    public Revision {
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(restoredFrom, "restoredFrom");
        sections = List.copyOf(sections);
        editedSections = List.copyOf(editedSections);
        writtenFrom = Map.copyOf(writtenFrom);
    }

    public Revision numbered(int assigned) {
        return new Revision(artifactId, assigned, versionNumber, source, actor, createdAt, sections, content,
                editedSections, writtenFrom, restoredFrom);
    }

    public RevisionSummary summary() {
        return new RevisionSummary(number, versionNumber, source, actor, createdAt, sections, restoredFrom);
    }
}
