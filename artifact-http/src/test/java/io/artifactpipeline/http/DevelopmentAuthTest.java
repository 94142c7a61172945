package io.artifactpipeline.http;

import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.security.AuthSettings;
import io.artifactpipeline.http.security.DevelopmentKeys;
import io.artifactpipeline.http.security.TokenIssuer;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without a JWKS: a key pair kept in the data directory, and tokens minted from it. */
class DevelopmentAuthTest {
    @TempDir
    Path dataDirectory;

    @Test
    void tokensMintedFromTheDevelopmentKeysAreAcceptedAcrossRestarts() throws Exception {
        AuthSettings settings = AuthSettings.development(dataDirectory).withTierClaim("plan");
        String token;
        String keyFile;
        try (TestServer first = TestServer.start((p, m) -> { }, ignored -> settings, s -> { })) {
            Path privateKey = dataDirectory.resolve(DevelopmentKeys.PRIVATE_KEY_FILE);
            assertThat(privateKey).exists();
            assertThat(dataDirectory.resolve(DevelopmentKeys.JWKS_FILE)).exists();
            if (Files.getFileAttributeView(privateKey, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
            }
            keyFile = Files.readString(privateKey);

            token = TokenIssuer.forDevelopment(settings).issue("dev-user", Tier.PARTNER, Duration.ofMinutes(10));
            ApiClient dev = first.withToken(token);
            var brief = TestServer.generateAll(dev, TestServer.createProject(dev)).get(0).get("current_content");
            assertThat(brief.has("market_analysis")).as("partner, read from the 'plan' claim").isTrue();
            assertThat(brief.has("competitive_strategy")).isFalse();
        }
        try (TestServer second = TestServer.start((p, m) -> { }, ignored -> settings, s -> { })) {
            assertThat(Files.readString(dataDirectory.resolve(DevelopmentKeys.PRIVATE_KEY_FILE))).isEqualTo(keyFile);
            assertThat(second.withToken(token).get("/api/projects").status()).as("same key after a restart").isEqualTo(200);
            assertProblem(second.as("someone").get("/api/projects"), 401); // signed by a key that is not the dev key
        }
    }

    @Test
    void expiredDevelopmentTokensAreRefused() {
        AuthSettings settings = AuthSettings.development(dataDirectory);
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired = TokenIssuer.forDevelopment(settings, twoHoursAgo).issue("dev-user", Tier.BOOTSTRAPPER,
                Duration.ofMinutes(30));
        try (TestServer server = TestServer.start((p, m) -> { }, ignored -> settings, s -> { })) {
            assertProblem(server.withToken(expired).get("/api/projects"), 401);
        }
    }

    @Test
    void issuerAndAudienceInTheSettingsGoIntoMintedTokens() {
        AuthSettings settings = AuthSettings.development(dataDirectory).withIssuer("dev-issuer").withAudience("dev-app");
        String token = TokenIssuer.forDevelopment(settings).issue("dev-user", Tier.BOOTSTRAPPER, Duration.ofMinutes(5));
        try (TestServer server = TestServer.start((p, m) -> { }, ignored -> settings, s -> { })) {
            assertThat(server.withToken(token).get("/api/projects").status()).isEqualTo(200);
        }
    }

    @Test
    void noTokensAreMintedWhenAJwksIsConfigured() {
        assertThatThrownBy(() -> TokenIssuer.forDevelopment(AuthSettings.jwks("https://idp.test/jwks.json")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TokenIssuer.forDevelopment(AuthSettings.development(dataDirectory))
                .issue(" ", Tier.BOOTSTRAPPER, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
