package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.security.SecurityContext;
import io.helidon.security.Subject;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * When the caller's token expires, for requests that outlive it (event streams). Read from what the
 * authentication provider accepted: the subject's principal attribute {@code exp} (Helidon's JWT
 * convention: claims as principal attributes) when the provider sets it, otherwise the {@code exp} claim
 * of the bearer token the provider has just verified. Nothing here decides whether a token is valid.
 */
final class TokenExpiry {
    private TokenExpiry() {
    }

    static Optional<Instant> of(ServerRequest request) {
        Optional<Instant> fromSubject = request.context().get(SecurityContext.class)
                .flatMap(SecurityContext::user)
                .flatMap(TokenExpiry::fromSubject);
        return fromSubject.isPresent() ? fromSubject
                : request.headers().first(HeaderNames.AUTHORIZATION).flatMap(TokenExpiry::fromBearer);
    }

    static Optional<Instant> fromSubject(Subject subject) {
        return subject.principal().abacAttribute("exp").flatMap(TokenExpiry::instant);
    }

    /** The {@code exp} of a compact JWS already verified by the provider; empty for anything else. */
    static Optional<Instant> fromBearer(String authorization) {
        String[] parts = authorization.strip().split(" ", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("bearer")) {
            return Optional.empty();
        }
        String[] segments = parts[1].strip().split("\\.", -1);
        if (segments.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(segments[1]));
            return claims != null && claims.path("exp").canConvertToLong()
                    ? Optional.of(Instant.ofEpochSecond(claims.get("exp").asLong()))
                    : Optional.empty();
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(Object value) {
        return switch (value) {
            case Instant instant -> Optional.of(instant);
            case Number seconds -> Optional.of(Instant.ofEpochSecond(seconds.longValue()));
            case String text when text.matches("[0-9]{1,12}") -> Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
            default -> Optional.empty();
        };
    }
}
