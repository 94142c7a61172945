package io.artifactpipeline.core.cascade;

import io.artifactpipeline.core.budget.TokenBudget;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.LeasedWrites;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The cascade assembled: what {@code ArtifactPipeline} needs of it and nothing more. Queueing goes
 * through {@link #queue()}, so that this server's workers hear of new work at once; generations run
 * in the caller's thread through {@link #worker()} or in the background through {@link #startPool}.
 */
public final class GenerationEngine {
    private final QueueSignal queued = new QueueSignal();
    private final GenerationQueue queue;
    private final LeasedWrites writes;
    private final CascadeRunner runner;
    private final GenerationWorker worker;
    private final Clock clock;
    private final String workerId;
    private final Duration leaseLength;

    /** The driven ports the cascade reads and writes through. */
    public record Ports(ArtifactStore artifacts, GenerationQueue queue, LeasedWrites writes, LanguageModel model,
                        ArtifactEvents events) {
        public Ports {
            Objects.requireNonNull(artifacts, "artifacts");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(writes, "writes");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(events, "events");
        }
    }

    /** @param leaseLength how long a claim holds without renewal; the one place it is set */
    public GenerationEngine(Ports ports, TokenBudget budget, Clock clock, String workerId, Duration leaseLength) {
        this.queue = new SignallingQueue(ports.queue(), queued);
        this.writes = ports.writes();
        this.clock = clock;
        this.workerId = workerId;
        this.leaseLength = leaseLength;
        this.runner = new CascadeRunner(ports.artifacts(), ports.writes(),
                new ArtifactWriter(ports.model(), budget,
                budget.keepsReservationsIn(ports.writes().usageLedger())), ports.events(), clock);
        this.worker = new GenerationWorker(queue, runner, clock, workerId, leaseLength);
    }

    /** The queue to enqueue through. */
    public GenerationQueue queue() {
        return queue;
    }

    /** Runs queued generations in the caller's thread. */
    public GenerationWorker worker() {
        return worker;
    }

    /** A started pool that runs queued generations in the background, telling {@code onFinished} of each. */
    public GenerationWorkerPool startPool(GenerationWorkerPool.Settings settings, Consumer<Generation> onFinished) {
        return new GenerationWorkerPool(queue, writes, runner, clock, workerId, leaseLength, settings, queued,
                onFinished).start();
    }
}
