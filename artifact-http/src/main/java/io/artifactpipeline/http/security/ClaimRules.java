package io.artifactpipeline.http.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.UserId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * What a token's claims must say, checked by the server's clock with 60 s of leeway. The JSON types are
 * checked on the raw payload ({@link #requireWellTyped}) because nimbus is lenient where we are not: it
 * turns a numeric {@code sub} into text and an absurd {@code exp} into an overflowed date. The rest runs
 * inside nimbus's processor, after the signature holds. Every message is safe to send to the client.
 */
final class ClaimRules implements JWTClaimsSetVerifier<SecurityContext> {
    static final Duration LEEWAY = Duration.ofSeconds(60);
    static final int MAX_SUBJECT_LENGTH = 255;
    /** 9999-12-31T23:59:59Z: anything later, or before 1970, is not a time a token means. */
    private static final double LATEST_TIME = 253_402_300_799d;
    private static final Map<String, String> TIME_CLAIMS = Map.of(
            "exp", "expiry (exp)", "nbf", "not-before time (nbf)", "iat", "issued-at time (iat)");

    private final Clock clock;
    private final AuthSettings settings;

    ClaimRules(Clock clock, AuthSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** A claim rule the token broke; the message says which. */
    static final class Refused extends BadJWTException {
        Refused(String message) {
            super(message);
        }
    }

    void requireWellTyped(Map<String, Object> claims) throws Refused {
        for (String name : List.of("sub", "iss", "azp", settings.tierClaim())) {
            Object value = claims.get(name);
            if (value != null && !(value instanceof String)) {
                throw new Refused("the token's " + name + " claim must be a string");
            }
        }
        Object aud = claims.get("aud");
        if (aud != null && !(aud instanceof String)
                && !(aud instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
            throw new Refused("the token's aud claim must be a string or a list of strings");
        }
        for (var time : TIME_CLAIMS.entrySet()) {
            Object value = claims.get(time.getKey());
            if (value != null && !(value instanceof Number number
                    && number.doubleValue() >= 0 && number.doubleValue() <= LATEST_TIME)) {
                throw new Refused("the token's " + time.getValue() + " is not a valid time");
            }
        }
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws Refused {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new Refused("the token has no expiry");
        }
        if (now.isAfter(exp.toInstant().plus(LEEWAY))) {
            throw new Refused("the token has expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(LEEWAY).isBefore(nbf.toInstant())) {
            throw new Refused("the token is not valid yet");
        }
        if (settings.issuer() != null && !settings.issuer().equals(claims.getIssuer())) {
            throw new Refused("the token's issuer is not accepted");
        }
        requireAudience(claims);
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new Refused("the token has no subject");
        }
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw new Refused("the token's subject is longer than " + MAX_SUBJECT_LENGTH + " characters");
        }
    }

    Actor actor(JWTClaimsSet claims) {
        Object tier = claims.getClaim(settings.tierClaim());
        return new Actor(new UserId(claims.getSubject()), Tier.fromWireNameOrDefault(tier instanceof String s ? s : null));
    }

    private void requireAudience(JWTClaimsSet claims) throws Refused {
        String audience = settings.audience();
        if (audience == null) {
            return;
        }
        // Clerk session tokens carry the authorized party in azp instead of an aud; a token that has an aud
        // is judged by it alone, so that azp cannot widen what aud restricts.
        boolean meant = claims.getClaim("aud") != null
                ? claims.getAudience().contains(audience)
                : audience.equals(claims.getClaim("azp"));
        if (!meant) {
            throw new Refused("the token is not meant for this audience");
        }
    }
}
