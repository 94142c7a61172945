package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.function.Function;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Another user's objects answer exactly as missing ones do, on every route, and stay untouched. */
class IsolationTest {
    private static TestServer server;
    private static ApiClient owner;
    private static ApiClient intruder;
    private static String projectId;
    private static String artifactId;
    private static String generationId;
    private static JsonNode before;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        owner = server.as("owner");
        intruder = server.as("intruder");
        projectId = TestServer.createProject(owner);
        ApiClient.Response started = owner.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\"}");
        generationId = started.json().get("generation_id").asText();
        artifactId = TestServer.awaitAllWritten(owner, projectId).get(0).get("id").asText();
        before = owner.get("/api/artifacts/" + artifactId).json();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteAnswersAForeignIdAsAMissingOne() {
        String missing = UUID.randomUUID().toString();
        assertSameAsMissing(id -> intruder.get("/api/projects/" + id), projectId, missing);
        assertSameAsMissing(id -> intruder.post("/api/artifacts/generate", "{\"project_id\":\"" + id + "\"}"), projectId, missing);
        assertSameAsMissing(id -> intruder.post("/api/artifacts/generate", "{\"project_id\":\"" + id + "\",\"force\":true}"),
                projectId, missing);
        assertSameAsMissing(id -> intruder.get("/api/artifacts/" + id), artifactId, missing);
        assertSameAsMissing(id -> intruder.get("/api/artifacts/" + id + "/status"), artifactId, missing);
        assertSameAsMissing(id -> intruder.post("/api/artifacts/" + id + "/regenerate", "{\"force\":true}"), artifactId, missing);
        assertSameAsMissing(id -> intruder.patch("/api/artifacts/" + id + "/edit",
                "{\"section_path\":\"target_user\",\"new_value\":\"mine now\"}"), artifactId, missing);
        assertSameAsMissing(id -> intruder.patch("/api/artifacts/" + id + "/edit",
                "{\"section_path\":\"target_user\",\"new_value\":\"mine now\"}", "If-Match", "*"), artifactId, missing);
        assertSameAsMissing(id -> intruder.post("/api/artifacts/" + id + "/annotate",
                "{\"section_id\":\"target_user\",\"note\":\"hi\"}"), artifactId, missing);
        assertSameAsMissing(id -> intruder.get("/api/artifacts/" + id + "/revisions"), artifactId, missing);
        assertSameAsMissing(id -> intruder.get("/api/artifacts/" + id + "/revisions/1"), artifactId, missing);
        assertSameAsMissing(id -> intruder.get("/api/generations/" + id), generationId, missing);
        assertSameAsMissing(id -> intruder.get("/api/artifacts/project/" + id + "/events"), projectId, missing);
    }

    @Test
    void listsShowNothingForeign() {
        ApiClient.Response artifacts = intruder.get("/api/artifacts/project/" + projectId);
        assertThat(artifacts.status()).isEqualTo(200);
        assertThat(artifacts.json()).isEmpty();
        intruder.post("/api/projects", "{\"idea\":\"my own\"}");
        JsonNode projects = intruder.get("/api/projects").json();
        assertThat(projects).hasSize(1);
        assertThat(projects.get(0).get("idea").asText()).isEqualTo("my own");
    }

    @Test
    void foreignWritesChangeNothing() {
        everyRouteAnswersAForeignIdAsAMissingOne();
        JsonNode after = owner.get("/api/artifacts/" + artifactId).json();
        assertThat(after).isEqualTo(before);
        assertThat(owner.get("/api/artifacts/" + artifactId + "/revisions").json()).hasSize(1);
    }

    private static void assertSameAsMissing(Function<String, ApiClient.Response> call, String foreignId, String missingId) {
        ApiClient.Response foreign = call.apply(foreignId);
        ApiClient.Response missing = call.apply(missingId);
        assertProblem(foreign, 404);
        assertProblem(missing, 404);
        // Each response has its own request id; apart from it, nothing may differ.
        assertThat(withoutRequestId(foreign)).as("indistinguishable from a missing object").isEqualTo(withoutRequestId(missing));
    }

    private static JsonNode withoutRequestId(ApiClient.Response response) {
        ObjectNode problem = (ObjectNode) response.json();
        assertThat(problem.remove("request_id").asText()).isEqualTo(response.header("X-Request-Id"));
        return problem;
    }
}
