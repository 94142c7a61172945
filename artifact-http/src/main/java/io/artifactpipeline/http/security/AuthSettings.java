package io.artifactpipeline.http.security;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Everything the API's authentication needs, as plain values (CONFIG.md's {@code ARTIFACT_AUTH_*}).
 * Without a JWKS location the server runs in development auth: a key pair kept in the data directory.
 *
 * @param jwksLocation             file path or https URL of the JSON Web Key Set (plain http only on
 *                                 loopback); null = development auth
 * @param issuer                   required {@code iss}, or null to not check it
 * @param audience                 required {@code aud} (or, when a token has no aud, Clerk's {@code azp}),
 *                                 or null to not check it
 * @param tierClaim                the claim that holds the caller's tier; defaults to {@code tier}
 * @param dataDirectory            where development keys live; needed only in development auth
 * @param remoteDevelopmentAllowed development auth may listen on a non-loopback address
 *                                 ({@code ARTIFACT_AUTH_DEV_ALLOW_REMOTE})
 */
public record AuthSettings(String jwksLocation, String issuer, String audience, String tierClaim, Path dataDirectory,
                           boolean remoteDevelopmentAllowed) {
    public static final String DEFAULT_TIER_CLAIM = "tier";

    public AuthSettings {
        jwksLocation = blankToNull(jwksLocation);
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
        tierClaim = blankToNull(tierClaim) == null ? DEFAULT_TIER_CLAIM : tierClaim.strip();
        if (jwksLocation == null && dataDirectory == null) {
            throw new IllegalArgumentException("development auth needs a data directory for its keys");
        }
        requireSafeTransport(jwksLocation);
    }

    /** Development auth: tokens signed by a key pair created once in {@code dataDirectory}. */
    public static AuthSettings development(Path dataDirectory) {
        return new AuthSettings(null, null, null, null, dataDirectory, false);
    }

    /** Production auth: tokens signed by a key of the JSON Web Key Set at {@code location}. */
    public static AuthSettings jwks(String location) {
        return new AuthSettings(location, null, null, null, null, false);
    }

    public AuthSettings withIssuer(String requiredIssuer) {
        return new AuthSettings(jwksLocation, requiredIssuer, audience, tierClaim, dataDirectory, remoteDevelopmentAllowed);
    }

    public AuthSettings withAudience(String requiredAudience) {
        return new AuthSettings(jwksLocation, issuer, requiredAudience, tierClaim, dataDirectory, remoteDevelopmentAllowed);
    }

    public AuthSettings withTierClaim(String claim) {
        return new AuthSettings(jwksLocation, issuer, audience, claim, dataDirectory, remoteDevelopmentAllowed);
    }

    /** Lets development auth listen on any address: for a trusted network only. */
    public AuthSettings withRemoteDevelopmentAllowed(boolean allowed) {
        return new AuthSettings(jwksLocation, issuer, audience, tierClaim, dataDirectory, allowed);
    }

    public boolean developmentMode() {
        return jwksLocation == null;
    }

    // Keys fetched over plain http can be swapped by anyone on the path, and then any token verifies.
    private static void requireSafeTransport(String location) {
        if (location == null || !location.toLowerCase(Locale.ROOT).startsWith("http://")) {
            return;
        }
        String host;
        try {
            host = URI.create(location).getHost();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ARTIFACT_AUTH_JWKS is not a valid URL: " + location, e);
        }
        if (!LoopbackHost.isLoopback(host)) {
            throw new IllegalArgumentException("ARTIFACT_AUTH_JWKS must be an https URL or a file: keys fetched over "
                    + "plain http from " + host + " could be replaced on the way (plain http is accepted only from "
                    + "127.0.0.1, ::1 or localhost)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
