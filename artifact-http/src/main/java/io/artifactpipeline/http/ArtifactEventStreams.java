package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.usecase.WatchProject;
import io.artifactpipeline.http.security.VerifiedToken;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/artifacts/project/{id}/events}: every change of the project's artifacts as a
 * server-sent event. At most {@value #MAX_PER_USER} open per user (each holds a connection and a
 * subscription); a stream ends when its token expires. A comment goes out every heartbeat so proxies keep
 * the connection open and a vanished client is noticed; then the subscription is closed.
 */
final class ArtifactEventStreams {
    static final int MAX_PER_USER = 5;
    /** A client this far behind is dropped; it reconnects and re-reads the artifacts. */
    private static final int MAX_BACKLOG = 1_000;

    private final WatchProject watchProject;
    private final Duration heartbeat;
    private final Clock clock;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final Map<UserId, Integer> openPerUser = new ConcurrentHashMap<>();

    /** @param clock what token expiry is judged by (the same clock the tokens were checked against) */
    ArtifactEventStreams(WatchProject watchProject, Duration heartbeat, Clock clock) {
        this.watchProject = watchProject;
        this.heartbeat = heartbeat;
        this.clock = clock;
    }

    void stream(ServerRequest request, ServerResponse response) {
        ProjectId projectId = new ProjectId(RequestParts.uuid(request, "project_id"));
        Actor actor = RequestParts.actor(request);
        if (!takeSlot(actor.userId())) {
            throw ClientError.tooManyEventStreams(MAX_PER_USER, retryAfterSeconds());
        }
        try {
            // The stream ends when the caller's token does.
            Instant tokenExpiry = request.context().get(VerifiedToken.class).map(VerifiedToken::expiresAt).orElse(null);
            EventStream stream = new EventStream(MAX_BACKLOG, tokenExpiry, clock);
            // Subscribing first: an unknown or foreign project is a 404 before anything is streamed.
            try (ArtifactEvents.Subscription subscription = watchProject.watch(actor, projectId, stream::offer)) {
                open.add(stream);
                response.header(HeaderNames.CACHE_CONTROL, "no-cache");
                response.header("X-Accel-Buffering", "no"); // nginx would otherwise hold events back
                try (SseSink sink = response.sink(SseSink.TYPE)) {
                    stream.pump(sink, heartbeat);
                } finally {
                    open.remove(stream);
                }
            }
        } finally {
            giveSlotBack(actor.userId());
        }
    }

    /** How many clients are connected; a gauge, and what tests watch to see a stream end. */
    int openStreams() {
        return open.size();
    }

    /** Ends every stream, so that a stopping server is not held open by its longest-lived requests. */
    void closeAll() {
        open.forEach(EventStream::end);
    }

    private boolean takeSlot(UserId user) {
        boolean[] taken = {false};
        openPerUser.compute(user, (u, count) -> {
            int current = count == null ? 0 : count;
            if (current >= MAX_PER_USER) {
                return count;
            }
            taken[0] = true;
            return current + 1;
        });
        return taken[0];
    }

    private void giveSlotBack(UserId user) {
        openPerUser.computeIfPresent(user, (u, count) -> count <= 1 ? null : count - 1);
    }

    /** A stream whose client vanished is noticed at its next heartbeat, which frees its slot. */
    private long retryAfterSeconds() {
        return Math.max(1, (heartbeat.toMillis() + 999) / 1000);
    }
}
