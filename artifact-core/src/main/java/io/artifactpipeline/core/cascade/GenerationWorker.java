package io.artifactpipeline.core.cascade;

import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.port.GenerationQueue;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Claims queued generations and runs them. {@link #runNext()} and {@link #drain()} run in the
 * caller's thread, which is what an embedding program or a test wants.
 */
public final class GenerationWorker {
    private final GenerationQueue queue;
    private final CascadeRunner runner;
    private final Clock clock;
    private final String workerId;
    private final Duration leaseLength;

    GenerationWorker(GenerationQueue queue, CascadeRunner runner, Clock clock, String workerId, Duration leaseLength) {
        this.queue = queue;
        this.runner = runner;
        this.clock = clock;
        this.workerId = workerId;
        this.leaseLength = leaseLength;
    }

    /** Claims and runs one generation, if one is waiting. */
    public Optional<Generation> runNext() {
        Optional<ClaimedGeneration> claim = queue.claimNext(workerId, clock.instant(), leaseLength);
        return claim.map(runner::run);
    }

    /** Runs generations until none is waiting; returns how many ran. */
    public int drain() {
        int ran = 0;
        while (runNext().isPresent()) {
            ran++;
        }
        return ran;
    }

    public String workerId() {
        return workerId;
    }
}
