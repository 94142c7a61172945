package io.artifactpipeline.http;

import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** ARTIFACT_MAX_ACTIVE_GENERATIONS_PER_USER over HTTP: the start beyond the limit is a 429 that says when to retry. */
class ActiveGenerationsLimitTest {

    @Test
    void aStartBeyondTheUsersActiveGenerationsIs429AndChangesNothing() {
        try (TestServer server = TestServer.start((pipeline, model) -> pipeline.maxActiveGenerationsPerUser(1),
                auth -> auth.withIssuer(TestServer.ISSUER).withAudience(TestServer.AUDIENCE), s -> { })) {
            server.model.hold();
            ApiClient alice = server.as("alice-limit");
            String first = TestServer.createProject(alice);
            String second = TestServer.createProject(alice);

            ApiClient.Response started = alice.post("/api/artifacts/generate", "{\"project_id\":\"" + first + "\"}");
            assertThat(started.status()).isEqualTo(202);
            ApiClient.Response refused = alice.post("/api/artifacts/generate", "{\"project_id\":\"" + second + "\"}");

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("15");
            assertThat(refused.json().get("type").asText()).endsWith("too-many-active-generations");
            assertThat(alice.get("/api/artifacts/project/" + second).json()).isEmpty();
            assertThat(server.as("bob-limit").post("/api/artifacts/generate",
                    "{\"project_id\":\"" + TestServer.createProject(server.as("bob-limit")) + "\"}").status())
                    .as("another user has a limit of their own").isEqualTo(202);

            server.model.release();
            String generation = "/api/generations/" + started.json().get("generation_id").asText();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "succeeded".equals(alice.get(generation).json().get("status").asText()));
            assertThat(alice.post("/api/artifacts/generate", "{\"project_id\":\"" + second + "\"}").status())
                    .as("free again once the first ended").isEqualTo(202);
        }
    }
}
