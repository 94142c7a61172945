package io.artifactpipeline.core.port;

import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of generations: founders' requests go in, workers claim them. What a worker then
 * writes goes through {@link LeasedWrites}, fenced by the lease its claim gave it.
 */
public interface GenerationQueue {

    /**
     * Atomically: refuses if a generation is queued or running for the project
     * ({@link io.artifactpipeline.core.error.GenerationConflictException}); saves the given artifacts,
     * inserting new ones and updating existing ones if their row version is unchanged
     * ({@link io.artifactpipeline.core.error.StaleArtifactException} otherwise); refuses if the owner already
     * has {@code maxActivePerOwner} generations queued or running, on any server
     * ({@link io.artifactpipeline.core.error.TooManyActiveGenerationsException}); queues the generation.
     */
    Generation enqueue(Generation generation, List<Artifact> markedGenerating, int maxActivePerOwner);

    Optional<Generation> findGeneration(UserId owner, GenerationId id);

    /** The project's queued or running generation, if any. */
    Optional<Generation> findActiveGeneration(UserId owner, ProjectId projectId);

    /**
     * Claims the oldest generation that is queued, or running under a lease that has expired, for
     * {@code leaseLength}; expiry is judged by the store's clock (see {@link LeasedWrites}). Each claim gets a fencing token larger than any before it for that generation.
     * The claim comes with the project and its artifacts as they stand, read in the same step.
     */
    Optional<ClaimedGeneration> claimNext(String workerId, Instant now, Duration leaseLength);
}
