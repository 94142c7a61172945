package io.artifactpipeline.core.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One immutable entry of an artifact's history: who changed its content, when, why, and the whole
 * content as it was afterwards. {@code number} runs 1..n per artifact and is assigned by the store;
 * a revision not yet stored has number 0.
 */
public record Revision(ArtifactId artifactId, int number, int versionNumber, RevisionSource source, String actor,
                       Instant createdAt, List<String> sections, ObjectNode content) {
    /** The actor recorded for content written by the language model. */
    public static final String MODEL_ACTOR = "model";

    public Revision {
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(content, "content");
        sections = List.copyOf(sections);
    }

    public Revision numbered(int assigned) {
        return new Revision(artifactId, assigned, versionNumber, source, actor, createdAt, sections, content);
    }
}
