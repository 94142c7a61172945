package io.artifactpipeline.http.security;

import io.artifactpipeline.core.model.Actor;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Principal;
import io.helidon.security.ProviderRequest;
import io.helidon.security.SecurityResponse;
import io.helidon.security.Subject;
import io.helidon.security.spi.AuthenticationProvider;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A helidon-security authentication provider for bearer JWTs. Written on the SPI rather than taken from
 * the stock JWT provider because the stock one neither re-reads a rotated key set nor uses a fixed
 * 60-second leeway; the checking itself is nimbus-jose-jwt's, in {@link TokenVerifier}. A success carries the
 * {@link Actor} as the subject's public credential.
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
        String value = authorization.getFirst();
        if (authorization.size() > 1 || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return invalid("the Authorization header must be one bearer token");
        }
        try {
            Actor actor = verifier.verify(value.substring(BEARER.length()).strip());
            Subject user = Subject.builder()
                    .principal(Principal.create(actor.userId().value()))
                    .addPublicCredential(Actor.class, actor)
                    .build();
            return AuthenticationResponse.success(user);
        } catch (TokenRejectedException e) {
            return invalid(e.getMessage());
        }
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
