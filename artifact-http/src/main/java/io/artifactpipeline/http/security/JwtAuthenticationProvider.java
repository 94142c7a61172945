package io.artifactpipeline.http.security;

import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Principal;
import io.helidon.security.ProviderRequest;
import io.helidon.security.SecurityResponse;
import io.helidon.security.Subject;
import io.helidon.security.spi.AuthenticationProvider;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A helidon-security authentication provider for bearer JWTs. Written on the SPI rather than taken from
 * the stock JWT provider because the stock one neither re-reads a rotated key set nor uses a fixed
 * 60-second leeway; the checking itself is nimbus-jose-jwt's, in {@link TokenVerifier}. A success carries the
 * {@link VerifiedToken} as the subject's public credential.
 */
public final class JwtAuthenticationProvider implements AuthenticationProvider {
    static final String REALM = "artifact-pipeline";
    private static final String BEARER = "bearer ";

    private final TokenVerifier verifier;

    JwtAuthenticationProvider(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public AuthenticationResponse authenticate(ProviderRequest request) {
        List<String> authorization = headerValues(request.env().headers(), "Authorization");
        if (authorization.isEmpty()) {
            // RFC 6750 section 3.1: no error code when the request carried no credentials at all.
            return failure("a bearer token is required", "Bearer realm=\"" + REALM + "\"");
        }
        Optional<String> token = bearerToken(authorization);
        if (token.isEmpty()) {
            return invalid("the Authorization header must be one bearer token");
        }
        try {
            VerifiedToken verified = verifier.verify(token.get());
            Subject user = Subject.builder()
                    .principal(Principal.create(verified.actor().userId().value()))
                    .addPublicCredential(VerifiedToken.class, verified)
                    .build();
            return AuthenticationResponse.success(user);
        } catch (TokenRejectedException e) {
            return invalid(e.getMessage());
        }
    }

    /** The token of an Authorization header that is exactly one bearer token; empty for anything else. */
    static Optional<String> bearerToken(List<String> authorization) {
        if (authorization.size() != 1) {
            return Optional.empty();
        }
        String value = authorization.getFirst();
        return value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? Optional.of(value.substring(BEARER.length()).strip())
                : Optional.empty();
    }

    private static AuthenticationResponse invalid(String description) {
        return failure(description, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\""
                + description.replace('"', '\'') + "\"");
    }

    private static AuthenticationResponse failure(String description, String challenge) {
        return AuthenticationResponse.builder()
                .status(SecurityResponse.SecurityStatus.FAILURE)
                .statusCode(401)
                .description(description)
                .responseHeader("WWW-Authenticate", challenge)
                .build();
    }

    private static List<String> headerValues(Map<String, List<String>> headers, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return headers.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(lower))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }
}
