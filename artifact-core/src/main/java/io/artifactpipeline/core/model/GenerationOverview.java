package io.artifactpipeline.core.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each of a project's five artifacts stands, and the generation running for it, if any: what the
 * replaced system's web client polls.
 *
 * @param artifacts every type, in generation order
 */
public record GenerationOverview(Map<ArtifactType, Entry> artifacts, Optional<GenerationId> activeGeneration) {

    public enum Status {
        IDLE("idle"), GENERATING("generating"), FAILED("failed"), NOT_STARTED("not_started");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public record Entry(Status status, boolean hasContent) {
        public Entry {
            Objects.requireNonNull(status, "status");
        }
    }

    public GenerationOverview {
        Objects.requireNonNull(activeGeneration, "activeGeneration");
        artifacts = Collections.unmodifiableMap(new EnumMap<>(artifacts));
    }

    /** The overview of a project's artifacts (any subset of the five; the rest not started). */
    public static GenerationOverview of(List<Artifact> existing, Optional<GenerationId> activeGeneration) {
        Map<ArtifactType, Entry> entries = new EnumMap<>(ArtifactType.class);
        ArtifactType.inGenerationOrder().forEach(type -> entries.put(type, new Entry(Status.NOT_STARTED, false)));
        for (Artifact artifact : existing) {
            Status status = switch (artifact.status()) {
                case IDLE -> artifact.hasContent() ? Status.IDLE : Status.NOT_STARTED;
                case GENERATING -> Status.GENERATING;
                case FAILED -> Status.FAILED;
            };
            entries.put(artifact.type(), new Entry(status, artifact.hasContent()));
        }
        return new GenerationOverview(entries, activeGeneration);
    }

    /** All five written and none being rewritten. */
    public boolean allComplete() {
        return artifacts.values().stream().allMatch(entry -> entry.status() == Status.IDLE && entry.hasContent());
    }

    public boolean anyFailed() {
        return artifacts.values().stream().anyMatch(entry -> entry.status() == Status.FAILED);
    }
}
