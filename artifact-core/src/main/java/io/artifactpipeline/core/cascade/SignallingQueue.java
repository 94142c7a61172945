package io.artifactpipeline.core.cascade;

import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.GenerationQueue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A queue that signals the local claimers after each successful enqueue. */
final class SignallingQueue implements GenerationQueue {
    private final GenerationQueue delegate;
    private final QueueSignal signal;

    SignallingQueue(GenerationQueue delegate, QueueSignal signal) {
        this.delegate = delegate;
        this.signal = signal;
    }

    @Override
    public Generation enqueue(Generation generation, List<Artifact> markedGenerating, int maxActivePerOwner) {
        Generation queued = delegate.enqueue(generation, markedGenerating, maxActivePerOwner);
        signal.signal();
        return queued;
    }

    @Override
    public Optional<Generation> findGeneration(UserId owner, GenerationId id) {
        return delegate.findGeneration(owner, id);
    }

    @Override
    public Optional<Generation> findActiveGeneration(UserId owner, ProjectId projectId) {
        return delegate.findActiveGeneration(owner, projectId);
    }

    @Override
    public Optional<ClaimedGeneration> claimNext(String workerId, Instant now, Duration leaseLength) {
        return delegate.claimNext(workerId, now, leaseLength);
    }
}
