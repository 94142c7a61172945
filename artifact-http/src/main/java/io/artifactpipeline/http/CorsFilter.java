package io.artifactpipeline.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.Optional;
import java.util.Set;

/**
 * Cross-origin access for a web client served from another origin (only the configured ones). It runs
 * before authentication: a browser's preflight carries no token, and a refusal must still carry the
 * CORS headers or the client cannot read it.
 */
final class CorsFilter implements Filter {
    private static final String ALLOWED_METHODS = "GET, POST, PATCH, OPTIONS";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, Last-Event-ID, X-Request-Id";
    private static final String EXPOSED_HEADERS = "ETag, Location, Retry-After, WWW-Authenticate, X-Request-Id";
    private static final String PREFLIGHT_CACHE_SECONDS = "600";

    private final Set<String> allowedOrigins;

    /** @param allowedOrigins exact origins such as {@code https://app.example.com}, or {@code *} for any */
    CorsFilter(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        boolean preflight = request.prologue().method() == Method.OPTIONS
                && request.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
        if (origin.isEmpty()) {
            chain.proceed();
            return;
        }
        if (!allows(origin.get())) {
            if (preflight) {
                Json.sendProblem(response, Problem.of(403, "origin-not-allowed", "Forbidden",
                        "this origin may not call the API"));
            } else {
                chain.proceed(); // without CORS headers: the browser keeps the answer from the page
            }
            return;
        }
        response.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin.get());
        response.header(HeaderNames.VARY, "Origin");
        if (preflight) {
            response.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            response.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            response.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, PREFLIGHT_CACHE_SECONDS);
            response.status(Status.NO_CONTENT_204).send();
            return;
        }
        response.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        chain.proceed();
    }

    private boolean allows(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    }
}
