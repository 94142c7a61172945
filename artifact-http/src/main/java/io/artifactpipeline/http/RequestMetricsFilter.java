package io.artifactpipeline.http;

import io.artifactpipeline.http.observe.ServerMetrics;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.util.Set;

/**
 * Times every request by method, route template and status. Every tag comes from a closed set, since
 * anyone can send a request without a token: the route template, not the path (ids in paths would make
 * one series per artifact), and the method from the standard ones ({@code curl -X ANYTHING} would
 * otherwise make a new series per made-up name).
 */
final class RequestMetricsFilter implements Filter {
    static final String UNMATCHED = "unmatched";
    static final String OTHER_METHOD = "OTHER";
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final ServerMetrics metrics;

    RequestMetricsFilter(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            metrics.httpRequest(methodTag(request.prologue().method().text()), request.matchingPattern().orElse(UNMATCHED),
                    response.status().code(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    static String methodTag(String method) {
        return KNOWN_METHODS.contains(method) ? method : OTHER_METHOD;
    }
}
