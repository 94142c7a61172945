package io.artifactpipeline.http;

import io.artifactpipeline.http.observe.Observability;
import io.artifactpipeline.http.security.ApiSecurity;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.List;
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
        List<String> authorization = request.headers().contains(HeaderNames.AUTHORIZATION)
                ? request.headers().get(HeaderNames.AUTHORIZATION).allValues()
                : List.of();
        switch (security.authenticate(request.prologue().method().text(), path, authorization)) {
            case ApiSecurity.Outcome.Authenticated ok -> {
                request.context().register(ok.token());
                request.context().register(ok.token().actor());
                chain.proceed();
            }
            case ApiSecurity.Outcome.Refused refused ->
                    Json.sendProblem(response, ProblemMapping.unauthorized(refused.reason(), refused.challenge()));
        }
    }

    private static boolean isOpen(String path) {
        return path.equals(Observability.ENDPOINT) || path.startsWith(Observability.ENDPOINT + "/")
                || path.equals(ApiDescriptionService.PATH);
    }
}
