package io.artifactpipeline.core.cascade;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes this server's claimers when a generation is queued here, so work starts at once instead of at
 * the next poll. Work queued by other servers is still found by polling.
 */
final class QueueSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private boolean pending;

    void signal() {
        lock.lock();
        try {
            pending = true;
            queued.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until signalled or until the timeout passes; a signal given before the wait is not lost. */
    void await(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!pending && nanos > 0) {
                nanos = queued.awaitNanos(nanos);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
