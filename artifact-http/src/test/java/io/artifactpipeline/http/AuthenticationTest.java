package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.security.AuthSettings;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestKeys;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.util.List;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Bearer JWTs: what is accepted, every way a token can be wrong, and key rotation without a restart. */
class AuthenticationTest {
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
    void validRs256AndEs256TokensAreAccepted() {
        assertThat(server.as("carol").get("/api/projects").status()).isEqualTo(200);
        String es256 = TestKeys.sign(server.ecKey, TestKeys.header(server.ecKey), server.claims("carol", Tier.PARTNER));
        assertThat(server.withToken(es256).get("/api/projects").status()).isEqualTo(200);
    }

    @Test
    void withoutATokenEveryApiRouteIs401WithAChallengeAndAProblemBody() {
        for (String path : List.of("/api/projects", "/api/artifacts/project/" + java.util.UUID.randomUUID(),
                "/api/generations/x", "/api/not-a-route", "/api")) {
            ApiClient.Response response = server.anonymous().get(path);
            assertProblem(response, 401);
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"artifact-pipeline\"");
        }
        assertProblem(server.anonymous().post("/api/artifacts/generate", "{}"), 401);
    }

    @Test
    void observeRoutesNeedNoToken() {
        assertThat(server.anonymous().get("/observe/health").status()).isEqualTo(200);
        assertThat(server.anonymous().get("/observe/metrics").status()).isEqualTo(200);
    }

    @Test
    void garbageAndWrongSchemesAreRefused() {
        assertRefused(server.withToken("garbage"), "not a signed JWT");
        assertRefused(server.withToken("a.b.c"), "malformed");
        ApiClient.Response basic = server.anonymous().get("/api/projects", "Authorization", "Basic YWxhZGRpbjpvcGVu");
        assertProblem(basic, 401);
        assertThat(basic.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void expiryAndNotBeforeAllowSixtySecondsOfLeeway() {
        long now = server.clock.instant().getEpochSecond();
        assertRefused(token(server.claims("carol", Tier.BOOTSTRAPPER).put("exp", now - 120)), "expired");
        assertAccepted(token(server.claims("carol", Tier.BOOTSTRAPPER).put("exp", now - 30)));
        assertRefused(token(server.claims("carol", Tier.BOOTSTRAPPER).put("nbf", now + 120)), "not valid yet");
        assertAccepted(token(server.claims("carol", Tier.BOOTSTRAPPER).put("nbf", now + 30)));
        ObjectNode noExpiry = server.claims("carol", Tier.BOOTSTRAPPER);
        noExpiry.remove("exp");
        assertRefused(token(noExpiry), "no expiry");
        ObjectNode noSubject = server.claims("carol", Tier.BOOTSTRAPPER);
        noSubject.remove("sub");
        assertRefused(token(noSubject), "no subject");
    }

    @Test
    void wrongKeysAndUnknownKidsAreRefused() {
        TestKeys.SigningKey impostor = TestKeys.rsa("rsa-1"); // same kid, different key
        assertRefused(server.withToken(TestKeys.sign(impostor, TestKeys.header(impostor),
                server.claims("carol", Tier.BOOTSTRAPPER))), "signature is invalid");
        TestKeys.SigningKey stranger = TestKeys.ec("who-knows");
        assertRefused(server.withToken(TestKeys.sign(stranger, TestKeys.header(stranger),
                server.claims("carol", Tier.BOOTSTRAPPER))), "unknown key");
        String valid = server.token("carol", Tier.BOOTSTRAPPER);
        String tampered = valid.substring(0, valid.indexOf('.') + 1)
                + TestKeys.b64(server.claims("mallory", Tier.CTO_SCALE).toString().getBytes(StandardCharsets.UTF_8))
                + valid.substring(valid.lastIndexOf('.'));
        assertRefused(server.withToken(tampered), "signature is invalid");
    }

    @Test
    void es256SignaturesMustBeJoseRawNotDer() throws Exception {
        ObjectNode header = TestKeys.header(server.ecKey);
        String input = TestKeys.b64(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + TestKeys.b64(server.claims("carol", Tier.BOOTSTRAPPER).toString().getBytes(StandardCharsets.UTF_8));
        Signature der = Signature.getInstance("SHA256withECDSA");
        der.initSign(server.ecKey.pair().getPrivate());
        der.update(input.getBytes(StandardCharsets.US_ASCII));
        assertRefused(server.withToken(input + "." + TestKeys.b64(der.sign())), "signature is invalid");
    }

    @Test
    void wrongIssuerOrAudienceIsRefusedAndAzpCanStandForTheAudience() {
        assertRefused(token(server.claims("carol", Tier.BOOTSTRAPPER).put("iss", "https://evil.test")), "issuer");
        ObjectNode noIssuer = server.claims("carol", Tier.BOOTSTRAPPER);
        noIssuer.remove("iss");
        assertRefused(token(noIssuer), "issuer");
        assertRefused(token(server.claims("carol", Tier.BOOTSTRAPPER).put("aud", "someone-else")), "audience");

        ObjectNode clerkStyle = server.claims("carol", Tier.BOOTSTRAPPER);
        clerkStyle.remove("aud");
        clerkStyle.put("azp", TestServer.AUDIENCE);
        assertAccepted(token(clerkStyle));
        ObjectNode audienceList = server.claims("carol", Tier.BOOTSTRAPPER);
        audienceList.putArray("aud").add("other").add(TestServer.AUDIENCE);
        assertAccepted(token(audienceList));
    }

    @Test
    void algNoneAndHmacTokensAreAlwaysRefused() throws Exception {
        String claims = TestKeys.b64(server.claims("carol", Tier.CTO_SCALE).toString().getBytes(StandardCharsets.UTF_8));
        String none = TestKeys.b64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertRefused(server.withToken(none + "." + claims + "."), "algorithm");

        // The classic confusion attack: HMAC keyed with the RSA public key that verifiers know.
        String hs = TestKeys.b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"rsa-1\"}".getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(server.rsaKey.pair().getPublic().getEncoded(), "HmacSHA256"));
        String signature = TestKeys.b64(mac.doFinal((hs + "." + claims).getBytes(StandardCharsets.US_ASCII)));
        assertRefused(server.withToken(hs + "." + claims + "." + signature), "algorithm");

        // An RS256 key may not verify a token that claims ES256, and the other way round.
        ObjectNode mismatched = TestKeys.header(server.rsaKey).put("alg", "ES256");
        assertRefused(server.withToken(TestKeys.sign(server.rsaKey, mismatched, server.claims("carol", Tier.BOOTSTRAPPER))),
                "unknown key");
    }

    @Test
    void rotatedKeysAreReadWithoutARestartAtMostOnceAMinute() throws Exception {
        try (TestServer rotating = TestServer.start()) {
            TestKeys.SigningKey next = TestKeys.ec("ec-2");
            String withNewKey = TestKeys.sign(next, TestKeys.header(next), rotating.claims("dave", Tier.BOOTSTRAPPER));
            TestKeys.writeJwks(rotating.jwksFile, List.of(next));

            assertProblem(rotating.withToken(withNewKey).get("/api/projects"), 401);
            rotating.clock.advance(Duration.ofSeconds(61));
            String fresh = TestKeys.sign(next, TestKeys.header(next), rotating.claims("dave", Tier.BOOTSTRAPPER));
            assertThat(rotating.withToken(fresh).get("/api/projects").status()).as("re-read after a minute").isEqualTo(200);
            assertProblem(rotating.as("dave").get("/api/projects"), 401); // the old RSA key was rotated out
        }
    }

    @Test
    void keysCanComeFromAnHttpUrl() throws Exception {
        TestKeys.SigningKey key = TestKeys.rsa("remote-1");
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = TestKeys.jwks(List.of(key)).getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        String url = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
        try (TestServer remote = TestServer.start((p, m) -> { }, settings -> AuthSettings.jwks(url), s -> { })) {
            String token = TestKeys.sign(key, TestKeys.header(key), remote.claims("erin", Tier.BOOTSTRAPPER));
            assertThat(remote.withToken(token).get("/api/projects").status()).isEqualTo(200);
        } finally {
            jwks.stop(0);
        }
    }

    @Test
    void theTierClaimDecidesWhichSectionsAreWritten() {
        ApiClient strategist = server.as("frank", Tier.CTO_SCALE);
        var ctoBrief = TestServer.generateAll(strategist, TestServer.createProject(strategist)).get(0);
        assertThat(ctoBrief.get("current_content").has("competitive_strategy")).isTrue();

        ObjectNode unknownTier = server.claims("gina", Tier.BOOTSTRAPPER).put("tier", "platinum");
        ApiClient gina = server.withToken(token(unknownTier));
        var brief = TestServer.generateAll(gina, TestServer.createProject(gina)).get(0);
        assertThat(brief.get("current_content").has("market_analysis")).as("unknown tier = bootstrapper").isFalse();
    }

    private static String token(ObjectNode claims) {
        return TestKeys.sign(server.rsaKey, TestKeys.header(server.rsaKey), claims);
    }

    private static void assertAccepted(String token) {
        ApiClient.Response response = server.withToken(token).get("/api/projects");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static void assertRefused(String token, String reason) {
        assertRefused(server.withToken(token), reason);
    }

    private static void assertRefused(ApiClient client, String reason) {
        ApiClient.Response response = client.get("/api/projects");
        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer realm=\"artifact-pipeline\"")
                .contains("error=\"invalid_token\"");
        assertThat(response.json().get("detail").asText()).contains(reason);
    }
}
