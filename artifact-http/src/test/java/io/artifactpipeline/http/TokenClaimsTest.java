package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.TestKeys;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static io.artifactpipeline.http.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims a signature cannot vouch for: absurd times, claims of the wrong JSON type, oversized subjects,
 * and azp standing in for aud. Each is a 401 with a challenge, never a 500 and never a pass.
 */
class TokenClaimsTest {
    private static TestServer strict;  // issuer and audience required
    private static TestServer lenient; // neither configured

    @BeforeAll
    static void start() {
        strict = TestServer.start();
        lenient = TestServer.start((p, m) -> { }, auth -> auth, s -> { });
    }

    @AfterAll
    static void stop() {
        strict.close();
        lenient.close();
    }

    @Test
    void aSubjectOfAtMost255CharactersIsAcceptedAndALongerOneRefused() {
        assertAccepted(strict, claims -> claims.put("sub", "u".repeat(255)));
        assertRefused(strict, claims -> claims.put("sub", "u".repeat(256)), "subject");
    }

    @Test
    void absurdExpiryAndNotBeforeValuesAreRefused() {
        assertRefused(strict, claims -> claims.put("exp", 1e30), "expiry");
        assertRefused(strict, claims -> claims.put("exp", Long.MAX_VALUE), "expiry");
        assertRefused(strict, claims -> claims.put("exp", -1), "expiry");
        assertRefused(strict, claims -> claims.put("exp", "tomorrow"), "expiry");
        assertRefused(strict, claims -> claims.putArray("exp").add(1), "expiry");
        assertRefused(strict, claims -> claims.put("nbf", 1e30), "not-before");
        assertRefused(strict, claims -> claims.put("nbf", -5), "not-before");
        assertRefused(strict, claims -> claims.put("nbf", "yesterday"), "not-before");
        assertRefused(strict, claims -> claims.put("iat", 1e30), "issued-at");
    }

    @Test
    void claimsThatMustBeStringsAreRefusedWhenTheyAreNot() {
        assertRefused(lenient, claims -> claims.put("sub", 42), "sub");
        assertRefused(lenient, claims -> claims.putObject("sub").put("id", "carol"), "sub");
        assertRefused(lenient, claims -> claims.put("iss", 7), "iss");
        assertRefused(lenient, claims -> claims.put("azp", true), "azp");
        assertRefused(lenient, claims -> claims.put("tier", 3), "tier");
        assertRefused(lenient, claims -> claims.putArray("tier").add("cto_scale"), "tier");
        assertRefused(lenient, claims -> claims.putArray("aud").add(1), "aud");
        assertRefused(strict, claims -> claims.put("iss", 7), "iss");
    }

    @Test
    void azpStandsForTheAudienceOnlyWhenAudIsAbsent() {
        assertRefused(strict, claims -> claims.put("aud", "someone-else").put("azp", TestServer.AUDIENCE), "audience");
        assertAccepted(strict, claims -> {
            claims.remove("aud");
            claims.put("azp", TestServer.AUDIENCE);
        });
        assertRefused(strict, claims -> {
            claims.remove("aud");
            claims.put("azp", "someone-else");
        }, "audience");
    }

    @Test
    void duplicateClaimsAreRefused() {
        String header = TestKeys.b64(TestKeys.header(strict.rsaKey).toString().getBytes(StandardCharsets.UTF_8));
        String body = strict.claims("carol", Tier.BOOTSTRAPPER).toString();
        String twoSubjects = body.substring(0, body.length() - 1) + ",\"sub\":\"mallory\"}";
        ApiClient.Response response = strict.withToken(signed(strict, header, twoSubjects)).get("/api/projects");
        assertProblem(response, 401);
    }

    @Test
    void oddHeadersAndPayloadsAreRefusedNeverAServerError() {
        String claims = strict.claims("carol", Tier.BOOTSTRAPPER).toString();
        for (String header : List.of("{\"alg\":\"RS256\",\"kid\":5}", "{\"alg\":5}", "[\"RS256\"]", "{}", "null",
                "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"crit\":[\"exp\"]}", "{\"alg\":\"RS256\",\"crit\":\"x\"}",
                "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"jwk\":{\"kty\":\"oct\"}}", "{\"alg\":\"RS256\",\"x5c\":[1]}",
                "{\"alg\":\"RSA-OAEP\",\"enc\":\"A128GCM\"}", "{\"alg\":\"ES512\",\"kid\":\"ec-1\"}")) {
            String encoded = TestKeys.b64(header.getBytes(StandardCharsets.UTF_8));
            assertProblem(strict.withToken(signed(strict, encoded, claims)).get("/api/projects"), 401);
        }
        String header = TestKeys.b64(TestKeys.header(strict.rsaKey).toString().getBytes(StandardCharsets.UTF_8));
        for (String payload : List.of("[]", "null", "\"carol\"", "{\"sub\":\"carol\",\"exp\":", "{\"exp\":1e999}",
                "{\"sub\":\"carol\",\"exp\":99999999999999999999999999}")) {
            assertProblem(strict.withToken(signed(strict, header, payload)).get("/api/projects"), 401);
        }
    }

    private static String signed(TestServer server, String encodedHeader, String claimsJson) {
        // Sign exactly these bytes: TestKeys.sign would re-serialise (and so de-duplicate) the claims.
        String input = encodedHeader + "." + TestKeys.b64(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
            signer.initSign(server.rsaKey.pair().getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + TestKeys.b64(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertAccepted(TestServer server, Consumer<ObjectNode> change) {
        ApiClient.Response response = server.withToken(token(server, change)).get("/api/projects");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static void assertRefused(TestServer server, Consumer<ObjectNode> change, String reason) {
        ApiClient.Response response = server.withToken(token(server, change)).get("/api/projects");
        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer realm=\"artifact-pipeline\"")
                .contains("error=\"invalid_token\"");
        assertThat(response.json().get("detail").asText()).contains(reason);
    }

    private static String token(TestServer server, Consumer<ObjectNode> change) {
        ObjectNode claims = server.claims("carol", Tier.BOOTSTRAPPER);
        change.accept(claims);
        return TestKeys.sign(server.rsaKey, TestKeys.header(server.rsaKey), claims);
    }
}
