package io.artifactpipeline.http.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.Tier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Mints bearer tokens in development auth, for {@code artifact-app token --user ID [--tier] [--ttl]}.
 * The tokens carry exactly what the server checks: sub, the tier claim, iat/nbf/exp, and iss/aud when
 * the settings require them.
 */
public final class TokenIssuer {
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DevelopmentKeys keys;
    private final AuthSettings settings;
    private final Clock clock;

    private TokenIssuer(DevelopmentKeys keys, AuthSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * An issuer over the development keys of {@code settings.dataDirectory()}, created there if missing.
     *
     * @throws IllegalStateException when the settings name a JWKS: then tokens come from the identity provider
     */
    public static TokenIssuer forDevelopment(AuthSettings settings) {
        return forDevelopment(settings, Clock.systemUTC());
    }

    public static TokenIssuer forDevelopment(AuthSettings settings, Clock clock) {
        if (!settings.developmentMode()) {
            throw new IllegalStateException("tokens can be minted only in development auth; a JWKS is configured, "
                    + "so tokens must come from the identity provider");
        }
        return new TokenIssuer(DevelopmentKeys.loadOrCreate(settings.dataDirectory()), settings, clock);
    }

    /** A signed token for {@code userId} at {@code tier}, valid for {@code ttl} from now. */
    public String issue(String userId, Tier tier, Duration ttl) {
        Objects.requireNonNull(tier, "tier");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a user id is required");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the time to live must be positive");
        }
        long now = clock.instant().getEpochSecond();
        ObjectNode header = MAPPER.createObjectNode()
                .put("alg", keys.algorithm().name()).put("typ", "JWT").put("kid", keys.keyId());
        ObjectNode claims = MAPPER.createObjectNode()
                .put("sub", userId).put(settings.tierClaim(), tier.wireName())
                .put("iat", now).put("nbf", now).put("exp", now + ttl.toSeconds());
        if (settings.issuer() != null) {
            claims.put("iss", settings.issuer());
        }
        if (settings.audience() != null) {
            claims.put("aud", settings.audience());
        }
        String signingInput = encode(header) + "." + encode(claims);
        byte[] signature = keys.algorithm().sign(keys.privateKey(), signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + JwkSet.base64Url(signature);
    }

    private static String encode(ObjectNode json) {
        return JwkSet.base64Url(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
