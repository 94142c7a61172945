package io.artifactpipeline.http.security;

import java.nio.file.Path;

/**
 * Everything the API's authentication needs, as plain values (CONFIG.md's {@code ARTIFACT_AUTH_*}).
 * Without a JWKS location the server runs in development auth: a key pair kept in the data directory.
 *
 * @param jwksLocation  file path or http(s) URL of the JSON Web Key Set; null = development auth
 * @param issuer        required {@code iss}, or null to not check it
 * @param audience      required {@code aud} (or Clerk's {@code azp}), or null to not check it
 * @param tierClaim     the claim that holds the caller's tier; defaults to {@code tier}
 * @param dataDirectory where development keys live; needed only in development auth
 */
public record AuthSettings(String jwksLocation, String issuer, String audience, String tierClaim, Path dataDirectory) {
    public static final String DEFAULT_TIER_CLAIM = "tier";

    public AuthSettings {
        jwksLocation = blankToNull(jwksLocation);
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
        tierClaim = blankToNull(tierClaim) == null ? DEFAULT_TIER_CLAIM : tierClaim.strip();
        if (jwksLocation == null && dataDirectory == null) {
            throw new IllegalArgumentException("development auth needs a data directory for its keys");
        }
    }

    /** Development auth: tokens signed by a key pair created once in {@code dataDirectory}. */
    public static AuthSettings development(Path dataDirectory) {
        return new AuthSettings(null, null, null, null, dataDirectory);
    }

    /** Production auth: tokens signed by a key of the JSON Web Key Set at {@code location}. */
    public static AuthSettings jwks(String location) {
        return new AuthSettings(location, null, null, null, null);
    }

    public AuthSettings withIssuer(String requiredIssuer) {
        return new AuthSettings(jwksLocation, requiredIssuer, audience, tierClaim, dataDirectory);
    }

    public AuthSettings withAudience(String requiredAudience) {
        return new AuthSettings(jwksLocation, issuer, requiredAudience, tierClaim, dataDirectory);
    }

    public AuthSettings withTierClaim(String claim) {
        return new AuthSettings(jwksLocation, issuer, audience, claim, dataDirectory);
    }

    public boolean developmentMode() {
        return jwksLocation == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
