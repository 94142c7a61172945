package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.Eventually;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/artifacts/project/{id}/events: the artifacts' changes as server-sent events. */
class EventStreamTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start((p, m) -> { }, a -> a.withIssuer(TestServer.ISSUER).withAudience(TestServer.AUDIENCE),
                s -> s.heartbeat(Duration.ofMillis(100)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** An open event stream, read line by line on its own thread. */
    private record Subscription(HttpResponse<Stream<String>> response, BlockingQueue<String> lines) implements AutoCloseable {
        static Subscription open(ApiClient client, String projectId) throws Exception {
            HttpResponse<Stream<String>> response = ApiClient.HTTP.send(
                    client.request("/api/artifacts/project/" + projectId + "/events").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
                lines.add("<end>");
            });
            return new Subscription(response, lines);
        }

        String next() throws InterruptedException {
            String line = lines.poll(15, TimeUnit.SECONDS);
            assertThat(line).as("a line within 15 s").isNotNull();
            return line;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    @Test
    void aGenerationArrivesAsEventsCarryingIdTypeStatusVersionAndKind() throws Exception {
        ApiClient alice = server.as("alice-sse");
        String projectId = TestServer.createProject(alice);
        try (Subscription events = Subscription.open(alice, projectId)) {
            assertThat(events.response().statusCode()).isEqualTo(200);
            assertThat(events.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            alice.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\"}");

            List<JsonNode> changes = new ArrayList<>();
            Set<String> written = new HashSet<>();
            boolean heartbeat = false;
            while (written.size() < 5) {
                String line = events.next();
                if (line.startsWith(":")) {
                    heartbeat = true;
                } else if (line.startsWith("data:") && !line.substring(5).isBlank()) {
                    JsonNode change = MAPPER.readTree(line.substring(5).strip());
                    changes.add(change);
                    if ("content".equals(change.get("kind").asText())) {
                        written.add(change.get("artifact_type").asText());
                        assertThat(change.get("generation_status").asText()).isEqualTo("idle");
                        assertThat(change.get("version_number").asInt()).isEqualTo(1);
                    }
                }
            }
            assertThat(heartbeat).as("a comment line came first").isTrue();
            assertThat(written).containsExactlyInAnyOrder("brief", "mvp_scope", "milestones", "risk_log", "how_it_works");
            JsonNode first = changes.getFirst();
            assertThat(first.get("kind").asText()).isEqualTo("status");
            assertThat(first.get("generation_status").asText()).isEqualTo("generating");
            assertThat(first.get("project_id").asText()).isEqualTo(projectId);
            assertThat(first.get("artifact_id").asText()).hasSize(36);

            String briefId = alice.get("/api/artifacts/project/" + projectId).json().get(0).get("id").asText();
            alice.post("/api/artifacts/" + briefId + "/annotate", "{\"section_id\":\"target_user\",\"note\":\"n\"}");
            JsonNode annotation = nextChange(events);
            assertThat(annotation.get("kind").asText()).isEqualTo("annotation");
            assertThat(annotation.get("artifact_id").asText()).isEqualTo(briefId);
            assertThat(annotation.get("artifact_type").asText()).isEqualTo("brief");
        }
    }

    @Test
    void sectionDraftsArriveBeforeTheArtifactIsStoredAndNeverAboveTheTier() throws Exception {
        ApiClient alice = server.as("alice-drafts");
        String projectId = TestServer.createProject(alice);
        try (Subscription events = Subscription.open(alice, projectId)) {
            alice.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\"}");

            List<String> drafted = new ArrayList<>();
            JsonNode change;
            do {
                change = nextChange(events);
                if ("brief".equals(change.get("artifact_type").asText())
                        && "section_draft".equals(change.get("kind").asText())) {
                    assertThat(change.get("generation_status").asText()).isEqualTo("generating");
                    assertThat(change.get("value").isMissingNode()).isFalse();
                    drafted.add(change.get("section").asText());
                }
            } while (!("brief".equals(change.get("artifact_type").asText())
                    && "content".equals(change.get("kind").asText())));

            assertThat(drafted).containsExactly("problem_statement", "target_user", "value_proposition",
                    "key_constraint", "differentiation_points");
        }
    }

    @Test
    void unknownForeignAndUnauthenticatedStreamsAreRefused() {
        String projectId = TestServer.createProject(server.as("owner-sse"));
        assertProblem(server.as("intruder-sse").get("/api/artifacts/project/" + projectId + "/events"), 404);
        assertProblem(server.anonymous().get("/api/artifacts/project/" + projectId + "/events"), 401);
    }

    @Test
    void theSubscriptionEndsWhenTheClientGoesAway() throws Exception {
        ApiClient alice = server.as("alice-leaves");
        String projectId = TestServer.createProject(alice);
        // Streams of earlier tests end when the server next writes to them; wait for that, then count.
        Eventually.await("earlier tests' streams to end", Duration.ofSeconds(10),
                () -> server.server.openEventStreams() == 0);
        int before = server.server.openEventStreams();
        Subscription events = Subscription.open(alice, projectId);
        events.next();
        assertThat(server.server.openEventStreams()).isEqualTo(before + 1);
        events.close();
        Eventually.await("the stream to end after the client left", Duration.ofSeconds(10),
                () -> server.server.openEventStreams() == before);
    }

    @Test
    void stoppingTheServerEndsOpenStreams() throws Exception {
        try (TestServer stopping = TestServer.start()) {
            ApiClient alice = stopping.as("alice-stop");
            Subscription events = Subscription.open(alice, TestServer.createProject(alice));
            events.next();
            long start = System.nanoTime();
            stopping.server.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            String line;
            do {
                line = events.next();
            } while (!"<end>".equals(line));
        }
    }

    private static JsonNode nextChange(Subscription events) throws Exception {
        while (true) {
            String line = events.next();
            if (line.startsWith("data:") && !line.substring(5).isBlank()) {
                return MAPPER.readTree(line.substring(5).strip());
            }
        }
    }
}
