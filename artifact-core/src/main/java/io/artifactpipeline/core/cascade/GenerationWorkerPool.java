package io.artifactpipeline.core.cascade;

import io.artifactpipeline.core.error.LeaseLostException;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.Lease;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.LeasedWrites;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs queued generations in the background of one server: a few claimers take jobs while a slot is
 * free, each job runs on its own virtual thread under a lease that a companion thread renews. Several
 * servers may run pools on one database; the queue's claim and fencing keep each job with one worker.
 * A job whose server died is claimed again once its lease expires, by any pool, and continues.
 */
public final class GenerationWorkerPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GenerationWorkerPool.class.getName());
    /** Claimers work in parallel: a claim is a database round trip, and a burst should not queue behind one. */
    private static final int MAX_CLAIMERS = 4;

    /**
     * @param maxConcurrentJobs generations run at once (they mostly wait on the model)
     * @param pollInterval      how often to look for work queued by other servers
     * @param shutdownGrace     how long {@link #close()} lets running jobs finish before handing them back
     */
    public record Settings(int maxConcurrentJobs, Duration pollInterval, Duration shutdownGrace) {
        public Settings {
            if (maxConcurrentJobs < 1) {
                throw new IllegalArgumentException("maxConcurrentJobs must be at least 1");
            }
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        }

        public static Settings defaults() {
            return new Settings(64, Duration.ofMillis(250), Duration.ofSeconds(20));
        }
    }

    private final GenerationQueue queue;
    private final LeasedWrites writes;
    private final CascadeRunner runner;
    private final Clock clock;
    private final String workerId;
    private final Duration leaseLength;
    private final Settings settings;
    private final QueueSignal signal;
    private final Consumer<Generation> onFinished;
    private final Semaphore slots;
    private final Set<Thread> jobs = ConcurrentHashMap.newKeySet();
    private final List<Thread> claimers = new ArrayList<>();
    private volatile boolean claiming;
    private volatile boolean handBackOnInterrupt = true;

    GenerationWorkerPool(GenerationQueue queue, LeasedWrites writes, CascadeRunner runner, Clock clock, String workerId,
                         Duration leaseLength, Settings settings, QueueSignal signal, Consumer<Generation> onFinished) {
        this.queue = queue;
        this.writes = writes;
        this.runner = runner;
        this.clock = clock;
        this.workerId = workerId;
        this.leaseLength = leaseLength;
        this.settings = settings;
        this.signal = signal;
        this.onFinished = onFinished;
        this.slots = new Semaphore(settings.maxConcurrentJobs());
    }

    synchronized GenerationWorkerPool start() {
        if (claimers.isEmpty()) {
            claiming = true;
            for (int i = 0; i < Math.min(MAX_CLAIMERS, settings.maxConcurrentJobs()); i++) {
                claimers.add(Thread.ofVirtual().name("generation-claimer-" + i + "-" + workerId).start(this::dispatch));
            }
        }
        return this;
    }

    /** Generations running on this pool right now. */
    public int runningJobs() {
        return jobs.size();
    }

    public String workerId() {
        return workerId;
    }

    /**
     * Graceful shutdown: stops claiming, lets running generations finish within the grace period, then
     * interrupts the rest and hands their leases back so another server can continue them at once.
     */
    @Override
    public void close() {
        stopClaiming();
        try {
            if (!allJobsEndWithin(settings.shutdownGrace())) {
                jobs.forEach(Thread::interrupt);
                allJobsEndWithin(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until no job holds a slot; the slots are given back, so closing again returns at once. */
    private boolean allJobsEndWithin(Duration limit) throws InterruptedException {
        if (!slots.tryAcquire(settings.maxConcurrentJobs(), limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        slots.release(settings.maxConcurrentJobs());
        return true;
    }

    /**
     * Stops at once without handing anything back, as a crashed server would: running generations
     * stay claimed until their leases expire. For crash drills (the test fixtures' {@code CrashDrill}).
     */
    void halt() {
        handBackOnInterrupt = false;
        stopClaiming();
        jobs.forEach(Thread::interrupt);
    }

    private synchronized void stopClaiming() {
        claiming = false;
        claimers.forEach(Thread::interrupt);
        try {
            for (Thread claimer : claimers) {
                claimer.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch() {
        while (claiming) {
            try {
                slots.acquire();
                Optional<ClaimedGeneration> claim = claimQuietly();
                if (claim.isPresent()) {
                    launch(claim.get());
                } else {
                    slots.release();
                    signal.await(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Optional<ClaimedGeneration> claimQuietly() {
        if (!claiming) {
            return Optional.empty();
        }
        try {
            return queue.claimNext(workerId, clock.instant(), leaseLength);
        } catch (RuntimeException storeDown) {
            LOG.log(Level.WARNING, "could not claim a generation; will retry: " + storeDown.getMessage());
            return Optional.empty();
        }
    }

    private void launch(ClaimedGeneration claim) {
        Thread.ofVirtual().name("generation-" + claim.generation().id()).start(() -> {
            Thread self = Thread.currentThread();
            jobs.add(self);
            CountDownLatch done = new CountDownLatch(1);
            Thread.ofVirtual().start(() -> keepRenewing(claim.lease(), self, done));
            try {
                Generation finished = runner.run(claim);
                notifyFinished(finished);
            } catch (RunAbandonedException abandoned) {
                if (handBackOnInterrupt) {
                    releaseQuietly(claim.lease());
                }
            } catch (LeaseLostException lost) {
                LOG.log(Level.INFO, "generation " + claim.generation().id() + " was taken over by another worker");
            } catch (RuntimeException failure) {
                // The store failed mid-run: the lease will expire and the generation continue elsewhere.
                LOG.log(Level.WARNING, "generation " + claim.generation().id() + " stopped: " + failure.getMessage(), failure);
            } finally {
                done.countDown(); // not an interrupt: that would break a renewal's database call mid-way
                jobs.remove(self);
                slots.release();
            }
        });
    }

    private void notifyFinished(Generation finished) {
        try {
            onFinished.accept(finished);
        } catch (RuntimeException listenerFailure) {
            LOG.log(Level.WARNING, "a generation listener failed: " + listenerFailure.getMessage(), listenerFailure);
        }
    }

    private void keepRenewing(Lease lease, Thread job, CountDownLatch done) {
        Duration every = leaseLength.dividedBy(3);
        while (true) {
            try {
                if (done.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
                writes.renew(lease, clock.instant(), leaseLength);
            } catch (InterruptedException e) {
                return;
            } catch (LeaseLostException lost) {
                job.interrupt();
                return;
            } catch (RuntimeException storeDown) {
                LOG.log(Level.WARNING, "could not renew lease on " + lease.generationId() + ": " + storeDown.getMessage());
            }
        }
    }

    private void releaseQuietly(Lease lease) {
        try {
            writes.release(lease);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not hand back " + lease.generationId() + "; its lease will expire");
        }
    }
}
