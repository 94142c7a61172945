package io.artifactpipeline.http;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A request the HTTP layer refuses before any use case runs: a malformed body, a bad id in the path, a
 * body over the limit, a wrong method. Carries its problem ready-made; no stack trace is collected,
 * since this is the client's mistake, not the server's.
 */
final class ClientError extends RuntimeException {
    private final transient Problem problem;

    private ClientError(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }

    static ClientError badRequest(String detail) {
        return new ClientError(Problem.of(400, "bad-request", "Bad Request", detail));
    }

    static ClientError payloadTooLarge(long limit) {
        return new ClientError(Problem.of(413, "payload-too-large", "Content Too Large",
                "the request body is larger than " + limit + " bytes"));
    }

    static ClientError tooManyEventStreams(int limit, long retryAfterSeconds) {
        return new ClientError(Problem.of(429, "too-many-event-streams", "Too Many Requests",
                "at most " + limit + " event streams may be open per user; close one first")
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    static ClientError routeNotFound() {
        return new ClientError(Problem.of(404, "not-found", "Not Found", "there is no such resource"));
    }

    static ClientError methodNotAllowed(String... allowed) {
        String allow = Arrays.stream(allowed).collect(Collectors.joining(", "));
        return new ClientError(Problem.of(405, "method-not-allowed", "Method Not Allowed",
                "this resource allows " + allow).withHeader("Allow", allow));
    }

    static ClientError preconditionFailed(String detail) {
        return new ClientError(Problem.of(412, "precondition-failed", "Precondition Failed", detail));
    }
}
