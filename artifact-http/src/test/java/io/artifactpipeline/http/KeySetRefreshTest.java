package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.security.ApiSecurity;
import io.artifactpipeline.http.security.AuthSettings;
import io.artifactpipeline.http.support.TestKeys;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key set over time: read again every refresh period (five minutes) even when no unknown kid asks
 * for it, never replaced by an empty or unreadable set, and only ever fetched over https (or loopback).
 */
class KeySetRefreshTest {
    private static final Duration PAST_THE_REFRESH_PERIOD = Duration.ofMinutes(5).plusSeconds(10);

    @Test
    void aKeyRemovedFromTheSetStopsBeingTrustedWithinTheRefreshPeriod() throws Exception {
        try (TestServer server = TestServer.start()) {
            assertThat(server.as("carol").get("/api/projects").status()).isEqualTo(200);
            TestKeys.writeJwks(server.jwksFile, List.of(server.ecKey)); // the RSA key is withdrawn

            server.clock.advance(PAST_THE_REFRESH_PERIOD);
            assertProblem(server.as("carol").get("/api/projects"), 401);
            String es256 = TestKeys.sign(server.ecKey, TestKeys.header(server.ecKey), server.claims("carol", Tier.BOOTSTRAPPER));
            assertThat(server.withToken(es256).get("/api/projects").status()).isEqualTo(200);
        }
    }

    @Test
    void anEmptyOrUnreadableSetNeverReplacesAGoodOne() throws Exception {
        try (TestServer server = TestServer.start()) {
            TestKeys.SigningKey stranger = TestKeys.ec("made-up");
            String unknownKid = TestKeys.sign(stranger, TestKeys.header(stranger), server.claims("eve", Tier.BOOTSTRAPPER));
            for (String broken : List.of("{\"keys\":[]}", "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}",
                    "<html>maintenance</html>", "")) {
                Files.writeString(server.jwksFile, broken, StandardCharsets.UTF_8);
                server.clock.advance(Duration.ofSeconds(61));
                assertProblem(server.withToken(unknownKid).get("/api/projects"), 401); // makes the server look again
                assertThat(server.as("carol").get("/api/projects").status()).as("after an unknown kid, set: " + broken)
                        .isEqualTo(200);
                server.clock.advance(PAST_THE_REFRESH_PERIOD);
                assertThat(server.as("carol").get("/api/projects").status()).as("after the refresh period, set: " + broken)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void aPlainHttpJwksUrlIsRefusedAtStartUpExceptOnLoopback() {
        for (String remote : List.of("http://idp.example.com/.well-known/jwks.json", "http://10.0.0.7/jwks.json",
                "http://localhost.example.com/jwks.json", "http://128.0.0.1/jwks.json")) {
            assertThatThrownBy(() -> ApiSecurity.create(AuthSettings.jwks(remote))).as(remote)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        }
        for (String loopback : List.of("http://127.0.0.1:1/jwks.json", "http://127.8.9.10:1/jwks.json",
                "http://localhost:1/jwks.json", "http://[::1]:1/jwks.json", "https://127.0.0.1:1/jwks.json")) {
            assertThatCode(() -> ApiSecurity.create(AuthSettings.jwks(loopback).withIssuer("i").withAudience("a")))
                    .as(loopback).doesNotThrowAnyException();
        }
    }

    @Test
    void aJwksWithoutIssuerOrAudienceStartsWithOneWarningSayingWhatIsNotChecked() throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // Only the start-up warning about unchecked claims: other warnings are not this test's business.
                if (record.getLevel().intValue() >= Level.WARNING.intValue() && record.getMessage().contains("ARTIFACT_AUTH_")) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger security = Logger.getLogger("io.artifactpipeline.http.security");
        security.addHandler(capture);
        try {
            try (TestServer neither = TestServer.start((p, m) -> { }, auth -> auth, s -> { })) {
                assertThat(neither.as("carol").get("/api/projects").status()).isEqualTo(200);
                assertThat(neither.as("dave").get("/api/projects").status()).isEqualTo(200);
            }
            assertThat(warnings).hasSize(1);
            assertThat(warnings.getFirst().getMessage()).contains("ARTIFACT_AUTH_ISSUER").contains("ARTIFACT_AUTH_AUDIENCE")
                    .contains("iss").contains("aud");

            warnings.clear();
            try (TestServer onlyIssuer = TestServer.start((p, m) -> { }, auth -> auth.withIssuer(TestServer.ISSUER), s -> { })) {
                assertThat(onlyIssuer.as("carol").get("/api/projects").status()).isEqualTo(200);
            }
            assertThat(warnings).hasSize(1);
            assertThat(warnings.getFirst().getMessage()).contains("ARTIFACT_AUTH_AUDIENCE").doesNotContain("ARTIFACT_AUTH_ISSUER");

            warnings.clear();
            try (TestServer both = TestServer.start()) {
                assertThat(both.as("carol").get("/api/projects").status()).isEqualTo(200);
            }
            assertThat(warnings).isEmpty();
        } finally {
            security.removeHandler(capture);
        }
    }
}
