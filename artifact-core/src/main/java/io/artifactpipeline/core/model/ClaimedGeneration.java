package io.artifactpipeline.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A generation a worker has claimed, with the lease its writes must show, and what its run starts from,
 * read with the claim: the project (empty if it was deleted) and the project's artifacts.
 */
public record ClaimedGeneration(Generation generation, Lease lease, Optional<Project> project, List<Artifact> artifacts) {
    public ClaimedGeneration {
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(project, "project");
        artifacts = List.copyOf(artifacts);
    }
}
