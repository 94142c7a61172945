package io.artifactpipeline.http.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.UserId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks a compact JWS bearer token (RFC 7515/7519) and says whom it authenticates. Signature first,
 * claims after: nothing in an unverified payload is trusted.
 */
final class JwtVerifier {
    static final Duration LEEWAY = Duration.ofSeconds(60);
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;
    // Duplicate members would let a token say one thing to us and another to some other parser.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private final JwkKeyRing keys;
    private final Clock clock;
    private final AuthSettings settings;

    JwtVerifier(JwkKeyRing keys, Clock clock, AuthSettings settings) {
        this.keys = keys;
        this.clock = clock;
        this.settings = settings;
    }

    Actor verify(String token) throws TokenRejectedException {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException("the token is too long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new TokenRejectedException("the token is not a signed JWT");
        }
        JsonNode header = decodeObject(parts[0]);
        JwsAlgorithm algorithm = JwsAlgorithm.fromHeader(text(header, "alg"))
                .orElseThrow(() -> new TokenRejectedException("the token's algorithm is not accepted; use RS256 or ES256"));
        if (header.has("crit")) {
            throw new TokenRejectedException("the token uses critical header extensions");
        }
        JwkSet.Key key = keys.find(text(header, "kid"), algorithm)
                .orElseThrow(() -> new TokenRejectedException("the token is signed by an unknown key"));
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!algorithm.verify(key.publicKey(), signingInput, decode(parts[2]))) {
            throw new TokenRejectedException("the token's signature is invalid");
        }
        JsonNode claims = decodeObject(parts[1]);
        checkTime(claims);
        checkIssuerAndAudience(claims);
        String subject = text(claims, "sub");
        if (subject == null || subject.isBlank()) {
            throw new TokenRejectedException("the token has no subject");
        }
        return new Actor(new UserId(subject), Tier.fromWireNameOrDefault(text(claims, settings.tierClaim())));
    }

    private void checkTime(JsonNode claims) throws TokenRejectedException {
        Instant now = clock.instant();
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber()) {
            throw new TokenRejectedException("the token has no expiry");
        }
        if (now.isAfter(Instant.ofEpochSecond(exp.asLong()).plus(LEEWAY))) {
            throw new TokenRejectedException("the token has expired");
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && (!nbf.isNumber() || now.plus(LEEWAY).isBefore(Instant.ofEpochSecond(nbf.asLong())))) {
            throw new TokenRejectedException("the token is not valid yet");
        }
    }

    private void checkIssuerAndAudience(JsonNode claims) throws TokenRejectedException {
        if (settings.issuer() != null && !settings.issuer().equals(text(claims, "iss"))) {
            throw new TokenRejectedException("the token's issuer is not accepted");
        }
        String audience = settings.audience();
        if (audience == null) {
            return;
        }
        JsonNode aud = claims.get("aud");
        boolean inAud = aud != null && (aud.isArray()
                ? containsText(aud, audience)
                : audience.equals(aud.isTextual() ? aud.asText() : null));
        // Clerk session tokens carry the authorized party in azp instead of an aud.
        if (!inAud && !audience.equals(text(claims, "azp"))) {
            throw new TokenRejectedException("the token is not meant for this audience");
        }
    }

    private static boolean containsText(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.isTextual() && value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode decodeObject(String part) throws TokenRejectedException {
        try {
            JsonNode node = MAPPER.readTree(decode(part));
            if (node == null || !node.isObject()) {
                throw new TokenRejectedException("the token is malformed");
            }
            return node;
        } catch (IOException e) {
            throw new TokenRejectedException("the token is malformed");
        }
    }

    private static byte[] decode(String part) throws TokenRejectedException {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException("the token is malformed");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
