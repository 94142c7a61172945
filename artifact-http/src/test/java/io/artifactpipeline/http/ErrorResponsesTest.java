package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every 4xx of API.md's table, each as an RFC 9457 problem that gives nothing internal away. */
class ErrorResponsesTest {
    private static final long BODY_LIMIT = 4_096;
    private static TestServer server;
    private static ApiClient alice;
    private static String projectId;
    private static String briefId;

    @BeforeAll
    static void start() {
        // Five calls of 150k estimated tokens exceed the bootstrapper's 500k a day, not cto_scale's 10M.
        server = TestServer.start((pipeline, model) -> pipeline.estimatedTokensPerCall(150_000),
                auth -> auth, http -> http.maxBodyBytes(BODY_LIMIT));
        alice = server.as("alice", Tier.CTO_SCALE);
        projectId = TestServer.createProject(alice);
        briefId = TestServer.generateAll(alice, projectId).get(0).get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"idea\": ",                                   // truncated
            "not json",
            "{\"idea\":\"x\"} trailing",
            "[]",                                            // not an object
            "{\"idea\":\"x\",\"idea\":\"y\"}",               // duplicate key
            "{\"idea\":42}",                                 // number for a string
            "{\"idea\":\"x\",\"answers\":[\"a\"]}",          // array for an object
            "{\"idea\":\"x\",\"answers\":{\"q\":7}}",        // number for a string inside
            "{\"idea\":\"x\",\"colour\":\"blue\"}",          // unknown field
            "null",                                          // the literal null (found by the route fuzz test)
            " null ",
    })
    void malformedOrMistypedBodiesAre400(String body) {
        ApiClient.Response response = alice.post("/api/projects", body);
        assertProblem(response, 400);
    }

    @Test
    void wrongTypesAndUnknownFieldsOnArtifactRoutesAre400() {
        assertProblem(alice.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\",\"force\":\"yes\"}"), 400);
        assertProblem(alice.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\",\"force\":1}"), 400);
        assertProblem(alice.post("/api/artifacts/generate", "{\"project_id\":12}"), 400);
        assertProblem(alice.post("/api/artifacts/generate", "{\"project_id\":\"not-a-uuid\"}"), 400);
        assertProblem(alice.post("/api/artifacts/generate", ""), 400);
        assertProblem(alice.post("/api/artifacts/generate", "null"), 400);
        assertProblem(alice.patch("/api/artifacts/" + briefId + "/edit", "null"), 400);
        assertProblem(alice.post("/api/artifacts/" + briefId + "/regenerate", "{\"forse\":true}"), 400);
        assertProblem(alice.post("/api/artifacts/" + briefId + "/annotate", "{\"section_id\":[],\"note\":\"n\"}"), 400);
        ApiClient.Response unknown = alice.patch("/api/artifacts/" + briefId + "/edit",
                "{\"section_path\":\"target_user\",\"new_value\":\"x\",\"extra\":1}");
        assertProblem(unknown, 400);
        assertThat(unknown.json().get("detail").asText()).contains("extra");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/projects/nope", "/api/artifacts/123", "/api/artifacts/project/zzz",
            "/api/artifacts/x/status", "/api/generations/1-1-1-1-1", "/api/artifacts/abc/revisions",
            "/api/artifacts/project/abc/events"})
    void badUuidsInPathsAre400(String path) {
        assertProblem(alice.get(path), 400);
    }

    @Test
    void badRevisionNumberIs400() {
        assertProblem(alice.get("/api/artifacts/" + briefId + "/revisions/first"), 400);
        assertProblem(alice.get("/api/artifacts/" + briefId + "/revisions/99999999999"), 400);
    }

    @Test
    void bodiesOverTheLimitAre413WithAndWithoutALength() {
        String big = "{\"idea\":\"" + "x".repeat((int) BODY_LIMIT) + "\"}";
        assertProblem(alice.post("/api/projects", big), 413);
        ApiClient.Response chunked = alice.send("POST", "/api/projects",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())), true);
        assertProblem(chunked, 413);
        assertProblem(alice.post("/api/projects", "{\"idea\":\"" + "x".repeat((int) BODY_LIMIT * 5) + "\"}"), 413);
        assertThat(alice.post("/api/projects", "{\"idea\":\"" + "x".repeat(1000) + "\"}").status())
                .as("just under the limit").isEqualTo(201);
    }

    /**
     * A client still sending when the server closes the connection gets a reset, not the 413: the server
     * must read the rest (up to its discard allowance) and keep the connection. Closing cost about one
     * in six of the bodies five times over the limit on an idle machine.
     */
    @Test
    void oversizedBodiesGetTheir413EveryTime() {
        String over = "{\"idea\":\"" + "x".repeat((int) BODY_LIMIT) + "\"}";
        String farOver = "{\"idea\":\"" + "x".repeat((int) BODY_LIMIT * 5) + "\"}";
        for (int round = 0; round < 60; round++) {
            assertProblem(alice.post("/api/projects", over), 413);
            assertProblem(alice.post("/api/projects", farOver), 413);
            assertProblem(alice.send("POST", "/api/projects",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(farOver.getBytes())), true), 413);
        }
        assertThat(alice.post("/api/projects", "{\"idea\":\"after the refusals\"}").status()).isEqualTo(201);
    }

    /** Beyond what the server will read and discard, it refuses before the body; a client that waits for 100 sees it. */
    @Test
    void farBeyondTheDiscardAllowanceAClientExpectingContinueGetsA413() throws Exception {
        byte[] huge = new byte[(int) (BODY_LIMIT + ArtifactHttpServer.DISCARD_ALLOWANCE + 1)];
        Arrays.fill(huge, (byte) 'x');
        HttpResponse<String> response = ApiClient.HTTP.send(alice.request("/api/projects")
                        .expectContinue(true)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(new ApiClient.Response(response.statusCode(), response.headers(), response.body()), 413);
    }

    @Test
    void wellFormedButInvalidInputIs422WithErrors() {
        ApiClient.Response missingIdea = alice.post("/api/projects", "{\"answers\":{}}");
        assertProblem(missingIdea, 422);
        assertThat(missingIdea.json().get("errors").get(0).get("path").asText()).isEqualTo("idea");
        assertThat(missingIdea.json().get("errors").get(0).get("message").asText()).isNotBlank();

        assertProblem(alice.post("/api/projects", "{\"idea\":\"x\",\"name\":\"" + "n".repeat(201) + "\"}"), 422);
        assertProblem(alice.post("/api/artifacts/generate", "{}"), 422);

        ApiClient.Response unknownSection = alice.patch("/api/artifacts/" + briefId + "/edit",
                "{\"section_path\":\"no_such_section\",\"new_value\":\"x\"}");
        assertProblem(unknownSection, 422);
        assertThat(unknownSection.json().get("errors").get(0).get("path").asText()).isEqualTo("no_such_section");

        assertProblem(alice.patch("/api/artifacts/" + briefId + "/edit",
                "{\"section_path\":\"differentiation_points\",\"new_value\":\"not a list\"}"), 422);
        assertProblem(alice.patch("/api/artifacts/" + briefId + "/edit", "{\"section_path\":\"target_user\"}"), 422);
        assertProblem(alice.post("/api/artifacts/" + briefId + "/annotate",
                "{\"section_id\":\"target_user\",\"note\":\"" + "n".repeat(4_001) + "\"}"), 422);
        assertProblem(alice.post("/api/artifacts/" + briefId + "/annotate",
                "{\"section_id\":\"nowhere\",\"note\":\"n\"}"), 422);
        assertProblem(alice.post("/api/artifacts/" + briefId + "/regenerate",
                "{\"instructions\":\"" + "i".repeat(2_001) + "\"}"), 422);
    }

    @Test
    void missingObjectsAre404() {
        String missing = UUID.randomUUID().toString();
        assertProblem(alice.get("/api/projects/" + missing), 404);
        assertProblem(alice.get("/api/artifacts/" + missing), 404);
        assertProblem(alice.post("/api/artifacts/generate", "{\"project_id\":\"" + missing + "\"}"), 404);
        assertProblem(alice.get("/api/generations/" + missing), 404);
        assertProblem(alice.get("/api/artifacts/" + briefId + "/revisions/999"), 404);
    }

    @Test
    void unknownRoutesAre404AndWrongMethodsAre405() {
        assertProblem(alice.get("/api/nothing-here"), 404);
        assertProblem(alice.get("/elsewhere"), 404);
        assertProblem(alice.get("/api/artifacts/" + briefId + "/unknown"), 404);

        ApiClient.Response deleteArtifact = alice.send("DELETE", "/api/artifacts/" + briefId, null);
        assertProblem(deleteArtifact, 405);
        assertThat(deleteArtifact.header("Allow")).isEqualTo("GET");
        ApiClient.Response getGenerate = alice.get("/api/artifacts/generate");
        assertProblem(getGenerate, 405);
        assertThat(getGenerate.header("Allow")).isEqualTo("POST");
        assertProblem(alice.post("/api/artifacts/" + briefId + "/edit", "{}"), 405);
        assertProblem(alice.send("PUT", "/api/projects", "{}"), 405);
        assertProblem(alice.send("DELETE", "/api/generations/" + UUID.randomUUID(), null), 405);
        assertProblem(alice.post("/api/artifacts/" + briefId + "/revisions", "{}"), 405);
    }

    @Test
    void staleOrMalformedIfMatchIs412() {
        String etag = alice.get("/api/artifacts/" + briefId).header("ETag");
        String edit = "{\"section_path\":\"key_constraint\",\"new_value\":\"Time\"}";
        assertThat(alice.patch("/api/artifacts/" + briefId + "/edit", edit, "If-Match", etag).status()).isEqualTo(200);

        assertProblem(alice.patch("/api/artifacts/" + briefId + "/edit", edit, "If-Match", etag), 412);
        assertProblem(alice.patch("/api/artifacts/" + briefId + "/edit", edit, "If-Match", "\"garbage\""), 412);
        assertProblem(alice.patch("/api/artifacts/" + briefId + "/edit", edit, "If-Match", "W/" + etag), 412);

        String current = alice.get("/api/artifacts/" + briefId).header("ETag");
        assertThat(alice.patch("/api/artifacts/" + briefId + "/edit", edit, "If-Match", etag + ", " + current).status())
                .as("a list containing the current tag matches").isEqualTo(200);
        assertThat(alice.patch("/api/artifacts/" + briefId + "/edit", edit, "If-Match", "*").status()).isEqualTo(200);
    }

    @Test
    void exhaustedBudgetIs429WithRetryAfter() {
        ApiClient bob = server.as("bob", Tier.BOOTSTRAPPER);
        String project = TestServer.createProject(bob);
        ApiClient.Response refused = bob.post("/api/artifacts/generate", "{\"project_id\":\"" + project + "\"}");
        assertProblem(refused, 429);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 86_400L);
        assertThat(bob.get("/api/artifacts/project/" + project).json()).as("nothing was queued").isEmpty();
    }

    static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("urn:artifact-pipeline:problem:");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContainPattern("(java|javax|jakarta|io\\.helidon|com\\.fasterxml|io\\.artifactpipeline)\\.")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContainIgnoringCase("select ");
    }
}
