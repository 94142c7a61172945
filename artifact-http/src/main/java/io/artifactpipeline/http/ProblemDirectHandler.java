package io.artifactpipeline.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Errors the web server answers before routing (an unparseable request line, a body over the server's
 * own limit) get a problem body too, built from the status alone: the server's message may echo the
 * request or name internals.
 */
final class ProblemDirectHandler implements DirectHandler {
    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        Problem problem = ProblemMapping.toProblem(new io.helidon.http.HttpException("direct", status, true));
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = new byte[0];
        }
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, Json.PROBLEM_JSON)
                .keepAlive(eventType.keepAlive())
                .entity(body)
                .build();
    }
}
