package io.artifactpipeline.http;

import io.artifactpipeline.http.observe.Observability;
import io.artifactpipeline.http.security.ApiSecurity;
import io.helidon.http.Header;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Deny by default: every request is authenticated except those under {@code /observe}, the API
 * description at {@code /openapi} and the few public paths the server names (the web workspace's
 * files, development sign-in). The decision is
 * made on the path before routing, so a route added tomorrow is protected without anyone remembering to.
 * A refusal is a 401 with {@code WWW-Authenticate} and a problem body (Helidon's own handler sends an
 * empty one).
 */
final class AuthenticationFilter implements Filter {
    private final ApiSecurity security;
    private final Predicate<String> publicPaths;

    AuthenticationFilter(ApiSecurity security) {
        this(security, path -> false);
    }

    /** @param publicPaths further exact paths (after the server's normalisation) that need no token */
    AuthenticationFilter(ApiSecurity security, Predicate<String> publicPaths) {
        this.security = security;
        this.publicPaths = publicPaths;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String path = request.path().path();
        if (isOpen(path) || publicPaths.test(path)) {
            chain.proceed();
            return;
        }
        switch (security.authenticate(request.prologue().method().text(), path, headers(request))) {
            case ApiSecurity.Outcome.Authenticated ok -> {
                request.context().register(ok.actor());
                request.context().register(ok.context());
                chain.proceed();
            }
            case ApiSecurity.Outcome.Refused refused ->
                    Json.sendProblem(response, ProblemMapping.unauthorized(refused.reason(), refused.challenge()));
        }
    }

    private static Map<String, List<String>> headers(RoutingRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (Header header : request.headers()) {
            headers.put(header.name(), header.allValues());
        }
        return headers;
    }

    private static boolean isOpen(String path) {
        return path.equals(Observability.ENDPOINT) || path.startsWith(Observability.ENDPOINT + "/")
                || path.equals(ApiDescriptionService.PATH);
    }
}
