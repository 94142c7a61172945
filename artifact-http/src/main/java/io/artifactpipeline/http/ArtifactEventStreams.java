package io.artifactpipeline.http;

import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.usecase.WatchProject;
import io.helidon.http.HeaderNames;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/artifacts/project/{id}/events}: every change of the project's artifacts as a
 * server-sent event. The publisher only enqueues (it may be the generation's own thread and must never
 * wait on a slow client); the request's virtual thread writes. A comment goes out every heartbeat so
 * proxies keep the connection open and a vanished client is noticed; then the subscription is closed.
 */
final class ArtifactEventStreams {
    /** A client this far behind is dropped; it reconnects and re-reads the artifacts. */
    private static final int MAX_BACKLOG = 1_000;
    private static final Object END = new Object();

    private final WatchProject watchProject;
    private final Duration heartbeat;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    ArtifactEventStreams(WatchProject watchProject, Duration heartbeat) {
        this.watchProject = watchProject;
        this.heartbeat = heartbeat;
    }

    void stream(ServerRequest request, ServerResponse response) {
        ProjectId projectId = new ProjectId(RequestParts.uuid(request, "project_id"));
        Stream stream = new Stream();
        // Subscribing first: an unknown or foreign project is a 404 before anything is streamed.
        ArtifactEvents.Subscription subscription = watchProject
                .watch(RequestParts.actor(request), projectId, stream::offer);
        try {
            open.add(stream);
            response.header(HeaderNames.CACHE_CONTROL, "no-cache");
            response.header("X-Accel-Buffering", "no"); // nginx would otherwise hold events back
            try (SseSink sink = response.sink(SseSink.TYPE)) {
                stream.pump(sink, heartbeat);
            } finally {
                open.remove(stream);
            }
        } finally {
            subscription.close();
        }
    }

    /** How many clients are connected; a gauge, and what tests watch to see a stream end. */
    int openStreams() {
        return open.size();
    }

    /** Ends every stream, so that a stopping server is not held open by its longest-lived requests. */
    void closeAll() {
        open.forEach(Stream::end);
    }

    private static final class Stream {
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

        void offer(ArtifactChange change) {
            if (queue.size() >= MAX_BACKLOG) {
                end();
                return;
            }
            queue.add(change);
        }

        void end() {
            queue.add(END);
        }

        void pump(SseSink sink, Duration heartbeat) {
            try {
                sink.emit(comment("connected"));
                while (true) {
                    Object next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                    if (next == END) {
                        return;
                    }
                    if (next == null) {
                        sink.emit(comment("heartbeat"));
                    } else {
                        sink.emit(SseEvent.builder()
                                .data(Json.toJson(Views.change((ArtifactChange) next)))
                                .build());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException clientGone) {
                // Writing failed: the client went away. Returning closes the subscription.
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
}
