package io.artifactpipeline.http;

import io.artifactpipeline.core.port.ArtifactChange;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.sse.SseSink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client's event stream: the publisher enqueues (it may be a generation's own thread and must never
 * wait on a slow client), the request's thread writes. The queue is bounded; a client that falls that far
 * behind is cut off once (it reconnects and re-reads the artifacts), and a stream whose token expires ends.
 */
final class EventStream {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Instant tokenExpiry;
    private final Clock clock;
    private final ReentrantLock pumpLock = new ReentrantLock();
    private volatile boolean ended;
    private Thread pumpThread;

    /** @param tokenExpiry when the caller's token expires, or null when it does not say */
    EventStream(int backlog, Instant tokenExpiry, Clock clock) {
        this.queue = new LinkedBlockingQueue<>(backlog);
        this.tokenExpiry = tokenExpiry;
        this.clock = clock;
    }

    void offer(ArtifactChange change) {
        if (!ended && !queue.offer(change)) {
            // Full: the writer is stuck on a client that stopped reading. Waking it with a marker would not
            // help, so the stuck write is interrupted, which closes the connection.
            end(true);
        }
    }

    /** Ends the stream once: later calls and later changes add nothing to the queue. */
    void end() {
        end(false);
    }

    private void end(boolean interruptWriter) {
        if (ended) {
            return;
        }
        ended = true;
        queue.clear();
        queue.offer(END);
        if (interruptWriter) {
            pumpLock.lock();
            try {
                if (pumpThread != null) {
                    pumpThread.interrupt();
                }
            } finally {
                pumpLock.unlock();
            }
        }
    }

    /** Writes events until the stream ends, the token expires or the client goes away. */
    void pump(SseSink sink, Duration heartbeat) {
        setPumpThread(Thread.currentThread());
        try {
            sink.emit(comment("connected"));
            while (!ended) {
                Duration left = tokenExpiry == null ? null : Duration.between(clock.instant(), tokenExpiry);
                if (left != null && !left.isPositive()) {
                    sink.emit(comment("token expired"));
                    return;
                }
                Duration wait = left != null && left.compareTo(heartbeat) < 0 ? left : heartbeat;
                Object next = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (next == END) {
                    return;
                }
                if (next != null) {
                    sink.emit(SseEvent.builder().data(Json.toJson(Views.change((ArtifactChange) next))).build());
                } else if (wait.equals(heartbeat)) {
                    sink.emit(comment("heartbeat"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException clientGone) {
            // Writing failed: the client went away. Returning closes the subscription.
        } finally {
            setPumpThread(null);
            // An interrupt meant for this stream must not reach the next request on the connection.
            if (ended) {
                Thread.interrupted();
            }
        }
    }

    private void setPumpThread(Thread thread) {
        pumpLock.lock();
        try {
            pumpThread = thread;
        } finally {
            pumpLock.unlock();
        }
    }

    /*
     * Helidon's sink cannot write an event without data, so a comment goes with an empty data line.
     * EventSource clients dispatch nothing for an empty data buffer: it stays a keep-alive.
     */
    private static SseEvent comment(String text) {
        return SseEvent.builder().comment(text).data("").build();
    }
}
