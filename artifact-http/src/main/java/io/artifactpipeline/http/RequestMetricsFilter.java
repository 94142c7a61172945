package io.artifactpipeline.http;

import io.artifactpipeline.http.observe.ServerMetrics;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;

/**
 * Times every request by method, route template and status. The template, not the path, keeps the
 * number of series bounded: ids in paths would make one series per artifact.
 */
final class RequestMetricsFilter implements Filter {
    static final String UNMATCHED = "unmatched";

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
            metrics.httpRequest(request.prologue().method().text(), request.matchingPattern().orElse(UNMATCHED),
                    response.status().code(), Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
