package io.artifactpipeline.http;

import io.artifactpipeline.core.memory.InMemoryArtifactEvents;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.Eventually;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Event streams are bounded: five per user, no longer than the token, no further behind than the backlog. */
class EventStreamLimitsTest {

    @Test
    void theSixthStreamOfAUserIs429WithRetryAfterUntilOneCloses() throws Exception {
        try (TestServer server = TestServer.start((p, m) -> { }, a -> a, http -> http.heartbeat(Duration.ofMillis(100)))) {
            ApiClient alice = server.as("alice-streams");
            String projectId = TestServer.createProject(alice);
            List<HttpResponse<Stream<String>>> open = new ArrayList<>();
            for (int i = 0; i < ArtifactEventStreams.MAX_PER_USER; i++) {
                open.add(open(alice, projectId));
                assertThat(open.getLast().statusCode()).isEqualTo(200);
            }
            // Opened as a stream: were it accepted, reading it whole would never end.
            HttpResponse<Stream<String>> sixth = open(alice, projectId);
            assertThat(sixth.statusCode()).isEqualTo(429);
            ApiClient.Response refused = new ApiClient.Response(429, sixth.headers(),
                    sixth.body().collect(Collectors.joining("\n")));
            assertProblem(refused, 429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);

            ApiClient bob = server.as("bob-streams");
            HttpResponse<Stream<String>> bobs = open(bob, TestServer.createProject(bob));
            assertThat(bobs.statusCode()).as("another user's quota is his own").isEqualTo(200);
            bobs.body().close();

            open.removeFirst().body().close();
            Eventually.await("a slot to free up once the server notices", Duration.ofSeconds(20), () -> {
                HttpResponse<Stream<String>> again = open(alice, projectId);
                again.body().close();
                return again.statusCode() == 200;
            });
            open.forEach(response -> response.body().close());
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        try (TestServer server = TestServer.start((p, m) -> { }, a -> a, http -> http.heartbeat(Duration.ofMillis(100)))) {
            ApiClient alice = server.as("alice-expiring");
            HttpResponse<Stream<String>> stream = open(alice, TestServer.createProject(alice));
            assertThat(stream.statusCode()).isEqualTo(200);
            Eventually.await("the stream to open", () -> server.server.openEventStreams() == 1);

            server.clock.advance(Duration.ofHours(2)); // the token said an hour
            Eventually.await("the stream to end", () -> server.server.openEventStreams() == 0);
            assertThat(stream.body().toList()).as("the stream ended for the client too").contains(":token expired");
        }
    }

    @Test
    void aClientThatStopsReadingIsCutOffOnce() throws Exception {
        InMemoryArtifactEvents events = new InMemoryArtifactEvents();
        try (TestServer server = TestServer.start((p, m) -> p.events(events), a -> a, http -> { })) {
            ApiClient alice = server.as("alice-stuck");
            String projectId = TestServer.createProject(alice);
            try (Socket stuck = new Socket()) {
                stuck.setReceiveBufferSize(4_096);
                stuck.connect(new InetSocketAddress("127.0.0.1", server.server.port()));
                stuck.getOutputStream().write(("GET /api/artifacts/project/" + projectId + "/events HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAuthorization: Bearer " + server.token("alice-stuck", Tier.BOOTSTRAPPER) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                Eventually.await("the stream to open", () -> server.server.openEventStreams() == 1);

                // Never read. Changes come slowly enough for the server to keep up until the socket's buffers
                // are full; then its write blocks, its queue fills, and it must give up on this client (queuing
                // an end marker behind a blocked write would never end the stream).
                ArtifactChange change = new ArtifactChange(new ProjectId(UUID.fromString(projectId)),
                        new ArtifactId(UUID.randomUUID()), ArtifactType.BRIEF, ArtifactChange.Kind.EDITED,
                        ArtifactStatus.IDLE, 1, Instant.now());
                Eventually.await("the stuck stream to be cut off", Duration.ofSeconds(120), () -> {
                    for (int i = 0; i < 20; i++) {
                        events.publish(change);
                    }
                    return server.server.openEventStreams() == 0;
                });
                stuck.setSoTimeout(30_000);
                assertThat(closedByServer(stuck.getInputStream())).as("the connection was closed").isTrue();
            }
        }
    }

    private static HttpResponse<Stream<String>> open(ApiClient client, String projectId) {
        try {
            return ApiClient.HTTP.send(client.request("/api/artifacts/project/" + projectId + "/events").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads what was sent before the cut; true when the server closed (end of stream or reset), false on silence. */
    private static boolean closedByServer(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) != -1) {
                // discard what was sent before the cut
            }
            return true;
        } catch (SocketTimeoutException silence) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
