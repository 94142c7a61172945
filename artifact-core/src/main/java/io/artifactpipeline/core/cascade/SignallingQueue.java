package io.artifactpipeline.core.cascade;

import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.Lease;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.GenerationQueue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A queue that signals the local claimers after each successful enqueue. */
public final class SignallingQueue implements GenerationQueue {
    private final GenerationQueue delegate;
    private final QueueSignal signal;

    public SignallingQueue(GenerationQueue delegate, QueueSignal signal) {
        this.delegate = delegate;
        this.signal = signal;
    }

    @Override
    public Generation enqueue(Generation generation, List<Artifact> markedGenerating) {
        Generation queued = delegate.enqueue(generation, markedGenerating);
        signal.signal();
        return queued;
    }

    @Override
    public Optional<Generation> find(UserId owner, GenerationId id) {
        return delegate.find(owner, id);
    }

    @Override
    public Optional<Generation> findActive(UserId owner, ProjectId projectId) {
        return delegate.findActive(owner, projectId);
    }

    @Override
    public Optional<ClaimedGeneration> claimNext(String workerId, Instant now, Duration leaseLength) {
        return delegate.claimNext(workerId, now, leaseLength);
    }

    @Override
    public Lease renew(Lease lease, Instant now, Duration leaseLength) {
        return delegate.renew(lease, now, leaseLength);
    }

    @Override
    public Artifact recordWritten(Lease lease, Artifact written, Revision revision, Instant now) {
        return delegate.recordWritten(lease, written, revision, now);
    }

    @Override
    public Artifact recordFailed(Lease lease, Artifact failed, Instant now) {
        return delegate.recordFailed(lease, failed, now);
    }

    @Override
    public Generation finish(Lease lease, Instant now) {
        return delegate.finish(lease, now);
    }

    @Override
    public void release(Lease lease) {
        delegate.release(lease);
    }
}
