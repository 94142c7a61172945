package io.artifactpipeline.http.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.artifactpipeline.core.model.Tier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * Mints bearer tokens in development auth, for {@code artifact-app token --user ID [--tier] [--ttl]}.
 * The tokens carry exactly what the server checks: sub, the tier claim, iat/nbf/exp, and iss/aud when
 * the settings require them.
 */
public final class TokenIssuer {
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

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
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .claim(settings.tierClaim(), tier.wireName())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(ttl.toSeconds())));
        if (settings.issuer() != null) {
            claims.issuer(settings.issuer());
        }
        if (settings.audience() != null) {
            claims.audience(settings.audience());
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(keys.keyId()).build();
        SignedJWT token = new SignedJWT(header, claims.build());
        try {
            token.sign(new ECDSASigner(keys.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the development key", e);
        }
        return token.serialize();
    }
}
