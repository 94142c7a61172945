package io.artifactpipeline.http;

import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrossOriginTest {
    private static final String APP = "https://app.example.com";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start((b, m) -> { }, a -> a.withIssuer(TestServer.ISSUER).withAudience(TestServer.AUDIENCE),
                s -> s.corsOrigins(List.of(APP)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
        ApiClient.Response preflight = server.anonymous().send("OPTIONS", "api/artifacts/generate", null,
                "Origin", APP, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST").contains("PATCH");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization").contains("If-Match");
    }

    @Test
    void answersToAnAllowedOriginCarryTheHeadersItNeeds() {
        ApiClient.Response listed = server.as("alice").get("api/projects", "Origin", APP);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(listed.header("Access-Control-Expose-Headers")).contains("ETag").contains("Retry-After");

        ApiClient.Response refused = server.anonymous().get("api/projects", "Origin", APP);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(APP); // so the page can read the 401
    }

    @Test
    void anotherOriginGetsNoCorsHeadersAndItsPreflightIsRefused() {
        ApiClient.Response listed = server.as("alice").get("api/projects", "Origin", "https://evil.example");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("Access-Control-Allow-Origin")).isNull();

        ApiClient.Response preflight = server.anonymous().send("OPTIONS", "api/projects", null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.contentType()).startsWith("application/problem+json");
    }

    @Test
    void withoutConfiguredOriginsNoCorsHeadersAreSent() {
        try (TestServer plain = TestServer.start()) {
            ApiClient.Response listed = plain.as("alice").get("api/projects", "Origin", APP);
            assertThat(listed.header("Access-Control-Allow-Origin")).isNull();
        }
    }
}
