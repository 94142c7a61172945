package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestKeys;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A token verified once is remembered, but never past its exp and never past its key's removal. */
class VerifiedTokenCacheTest {
    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        try (TestServer server = TestServer.start()) {
            long now = server.clock.instant().getEpochSecond();
            ApiClient shortLived = server.withToken(TestKeys.sign(server.rsaKey, TestKeys.header(server.rsaKey),
                    server.claims("carol", Tier.BOOTSTRAPPER).put("exp", now + 30)));
            assertThat(shortLived.get("/api/projects").status()).isEqualTo(200);
            assertThat(shortLived.get("/api/projects").status()).isEqualTo(200);

            server.clock.advance(Duration.ofSeconds(30 + 61));
            ApiClient.Response expired = shortLived.get("/api/projects");
            assertProblem(expired, 401);
            assertThat(expired.json().get("detail").asText()).contains("expired");
        }
    }

    @Test
    void tokensOfAKeyThatLeavesTheSetAreRefusedAfterTheRefresh() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient rsa = server.withToken(server.token("carol", Tier.BOOTSTRAPPER));
            ApiClient ec = server.withToken(TestKeys.sign(server.ecKey, TestKeys.header(server.ecKey),
                    server.claims("dave", Tier.BOOTSTRAPPER)));
            assertThat(rsa.get("/api/projects").status()).isEqualTo(200);
            assertThat(ec.get("/api/projects").status()).isEqualTo(200);

            TestKeys.writeJwks(server.jwksFile, List.of(server.ecKey)); // the RSA key is revoked
            server.clock.advance(Duration.ofMinutes(5).plusSeconds(10));
            assertThat(ec.get("/api/projects").status()).as("the refresh happens on this request").isEqualTo(200);
            assertProblem(rsa.get("/api/projects"), 401);
            assertThat(ec.get("/api/projects").status()).isEqualTo(200);
        }
    }

    @Test
    void tokensOfAKeyRevokedAtTheNextUnknownKidRefreshAreRefusedAtOnce() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient rsa = server.withToken(server.token("carol", Tier.BOOTSTRAPPER));
            assertThat(rsa.get("/api/projects").status()).isEqualTo(200);

            TestKeys.SigningKey next = TestKeys.ec("ec-2");
            TestKeys.writeJwks(server.jwksFile, List.of(server.ecKey, next)); // rotation: rsa-1 out, ec-2 in
            server.clock.advance(Duration.ofSeconds(61));
            ApiClient rotated = server.withToken(TestKeys.sign(next, TestKeys.header(next),
                    server.claims("erin", Tier.BOOTSTRAPPER)));
            assertThat(rotated.get("/api/projects").status()).isEqualTo(200);
            assertProblem(rsa.get("/api/projects"), 401);
        }
    }
}
