package io.artifactpipeline.http.observe;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The database's health as {@code /observe/health} reports it. Health is unauthenticated, so a flood of
 * it must not become a flood of database checks taking connections from API requests: one check runs at a
 * time (a check still running after its timeout counts, so a hung one is not joined by more), and its
 * answer is reused for {@code reuse} by every request that asks meanwhile.
 */
final class DatabaseHealth {
    private static final System.Logger LOG = System.getLogger(DatabaseHealth.class.getName());

    private final DatabaseCheck check;
    private final Duration reuse;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    private CompletableFuture<Boolean> running;
    private boolean lastAnswer;
    private long answeredAt;
    private boolean answered;

    DatabaseHealth(DatabaseCheck check, Duration reuse, Duration timeout) {
        this.check = check;
        this.reuse = reuse;
        this.timeout = timeout;
    }

    /** Whether the database answered, now or within the reuse period. */
    boolean isUp() {
        lock.lock();
        try {
            if (answered && System.nanoTime() - answeredAt < reuse.toNanos()) {
                return lastAnswer;
            }
            if (running == null || running.isDone()) {
                running = start();
            }
            lastAnswer = await(running);
            answeredAt = System.nanoTime();
            answered = true;
            return lastAnswer;
        } finally {
            lock.unlock();
        }
    }

    private CompletableFuture<Boolean> start() {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("database-check").start(() -> {
            try {
                answer.complete(check.isAvailable());
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        return answer;
    }

    /** A database that hangs is as down as one that refuses. */
    private boolean await(CompletableFuture<Boolean> answer) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "database check timed out after " + timeout);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "database check failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
