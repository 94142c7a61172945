package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.ApiDescription;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code GET /openapi}, and that the check every other test relies on does catch a drift. */
class ApiDescriptionTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDocumentIsServedWithoutATokenAndListsEveryRouteOfTheApi() {
        ApiClient.Response served = server.anonymous().get("/openapi");

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/yaml");
        assertThat(served.body()).contains("openapi: 3.1.0");
        assertThat(ApiDescription.paths()).containsExactlyInAnyOrder(
                "/api/projects", "/api/projects/{project_id}", "/api/artifacts/generate", "/api/artifacts/{artifact_id}",
                "/api/artifacts/project/{project_id}", "/api/artifacts/{artifact_id}/regenerate",
                "/api/artifacts/{artifact_id}/edit", "/api/artifacts/{artifact_id}/annotate",
                "/api/artifacts/{artifact_id}/status", "/api/generations/{generation_id}",
                "/api/artifacts/project/{project_id}/events", "/api/artifacts/project/{project_id}/generation-status",
                "/api/artifacts/{artifact_id}/revisions", "/api/artifacts/{artifact_id}/revisions/{revision}",
                "/api/artifacts/{artifact_id}/revisions/{revision}/restore",
                "/api/artifacts/{artifact_id}/revisions/{from}/diff/{to}",
                "/api/artifacts/{artifact_id}/export/markdown", "/api/artifacts/project/{project_id}/export/markdown",
                "/api/artifacts/{artifact_id}/export/pdf", "/api/artifacts/project/{project_id}/export/pdf",
                "/openapi", "/dev/token", "/observe/health", "/observe/metrics");
        assertThat(server.anonymous().post("/openapi", "{}").status()).isEqualTo(405);
    }

    @Test
    void everyApiOperationDocumentsItsAuthenticationFailure() {
        JsonNode paths = ApiDescription.document().get("paths");
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fields().forEachRemaining(operation -> {
            boolean open = !path.startsWith("/api/");
            assertThat(operation.getValue().get("responses").has("401")).as(operation.getKey() + " " + path).isEqualTo(!open);
        }));
    }

    @Test
    void aResponseTheDocumentDoesNotDescribeFailsTheCheck() {
        HttpHeaders json = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true);
        String project = "{\"id\":\"3f1c6e1e-8f6e-4a5e-9a51-3e3f1b0f1a11\",\"name\":\"n\",\"idea\":\"i\",\"answers\":{},"
                + "\"created_at\":\"2026-01-01T00:00:00Z\"}";
        ApiDescription.check("GET", "/api/projects/3f1c6e1e-8f6e-4a5e-9a51-3e3f1b0f1a11", 200, json, project);

        assertThatThrownBy(() -> ApiDescription.check("GET", "/api/projects/3f1c6e1e-8f6e-4a5e-9a51-3e3f1b0f1a11", 200,
                json, project.substring(0, project.length() - 1) + ",\"owner\":\"x\"}"))
                .as("an undocumented field").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ApiDescription.check("GET", "/api/projects/3f1c6e1e-8f6e-4a5e-9a51-3e3f1b0f1a11", 200,
                json, project.replace("\"name\":\"n\"", "\"name\":5")))
                .as("a wrong type").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ApiDescription.check("GET", "/api/projects/3f1c6e1e-8f6e-4a5e-9a51-3e3f1b0f1a11", 418,
                json, project)).as("an undocumented status").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ApiDescription.check("GET", "/api/undocumented", 200, json, "{}"))
                .as("an undocumented route that answers").isInstanceOf(AssertionError.class);
        ApiDescription.check("DELETE", "/api/projects", 405, HttpHeaders.of(Map.of("Content-Type",
                List.of("application/problem+json")), (a, b) -> true), "{\"type\":\"t\",\"title\":\"t\",\"status\":405,\"detail\":\"d\"}");
    }
}
