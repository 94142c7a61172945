package io.artifactpipeline.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Errors the web server answers before routing (an unparseable request line, a body over the server's
 * own limit, too many requests at once) get a problem body too, built from the status alone: the server's
 * message may echo the request or name internals. No filter ran, so the request gets its id here.
 */
final class ProblemDirectHandler implements DirectHandler {
    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        String requestId = RequestLogFilter.newId();
        Problem problem = ProblemMapping.toProblem(new io.helidon.http.HttpException("direct", status, true))
                .withRequestId(requestId);
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = new byte[0];
        }
        problem.headers().forEach((name, value) -> headers.set(HeaderNames.create(name), value));
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, Json.PROBLEM_JSON)
                .header(RequestLogFilter.REQUEST_ID, requestId)
                .keepAlive(eventType.keepAlive())
                .entity(body)
                .build();
    }
}
