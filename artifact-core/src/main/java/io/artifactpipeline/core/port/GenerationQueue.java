package io.artifactpipeline.core.port;

import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.Lease;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.List;

/**
 * The durable queue of generations and the only way a worker writes artifacts. Every worker write
 * shows its {@link Lease}; a lease that expired or was taken over is refused with
 * {@link io.artifactpipeline.core.error.LeaseLostException}, so a worker that lost its claim cannot
 * change anything (fencing).
 */
public interface GenerationQueue {

    /**
     * Atomically: refuses if a generation is queued or running for the project
     * ({@link io.artifactpipeline.core.error.GenerationConflictException}); saves the given artifacts,
     * inserting new ones and updating existing ones if their row version is unchanged
     * ({@link io.artifactpipeline.core.error.StaleArtifactException} otherwise); queues the generation.
     */
    Generation enqueue(Generation generation, List<Artifact> markedGenerating);

    Optional<Generation> find(UserId owner, GenerationId id);

    /** The project's queued or running generation, if any. */
    Optional<Generation> findActive(UserId owner, ProjectId projectId);

    /**
     * Claims the oldest generation that is queued, or running under a lease that has expired, for
     * {@code leaseLength}. Each claim gets a fencing token larger than any before it for that generation.
     */
    Optional<ClaimedGeneration> claimNext(String workerId, Instant now, Duration leaseLength);

    /** Extends a lease still held; refuses a lost one. */
    Lease renew(Lease lease, Instant now, Duration leaseLength);

    /**
     * Stores content the model wrote: every field of the artifact except annotations (which founders may
     * add meanwhile), the revision, and the generation item as succeeded.
     *
     * @return the artifact as saved
     */
    Artifact recordWritten(Lease lease, Artifact written, Revision revision, Instant now);

    /** Stores an artifact's failure (its status and error) and the generation item as failed. */
    Artifact recordFailed(Lease lease, Artifact failed, Instant now);

    /** Concludes the generation from its items and releases the lease. */
    Generation finish(Lease lease, Instant now);

    /** Hands a generation back unfinished (graceful shutdown): any worker may claim it at once. */
    void release(Lease lease);
}
