package io.artifactpipeline.http;

import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.error.BudgetExhaustedException;
import io.artifactpipeline.core.error.DomainException;
import io.artifactpipeline.core.error.GenerationConflictException;
import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.error.LeaseLostException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.error.NotWrittenException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.error.StoreUnavailableException;
import io.artifactpipeline.core.error.TooManyActiveGenerationsException;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * The one place where anything that goes wrong becomes a status code and an RFC 9457 body. Domain errors
 * map one to one (the switch is exhaustive over the sealed hierarchy, so a new one fails the build);
 * anything unexpected becomes a generic 500 whose correlation id is logged with the exception, and no
 * message, class name or stack trace of it reaches the client.
 */
final class ProblemMapping implements ErrorHandler<Exception> {
    private static final System.Logger LOG = System.getLogger(ProblemMapping.class.getName());

    @Override
    public void handle(ServerRequest request, ServerResponse response, Exception error) {
        if (response.isSent()) {
            LOG.log(Level.DEBUG, "error after the response was sent", error);
            return;
        }
        if (error instanceof HttpException http && http.status().code() < 400) {
            // Not an error: how the static files answer 304 Not Modified (or a redirect), headers already set.
            response.status(http.status()).send();
            return;
        }
        Json.sendProblem(response, toProblem(error));
    }

    static Problem toProblem(Throwable error) {
        return switch (error) {
            case DomainException domain -> fromDomain(domain);
            case ClientError client -> client.problem();
            case HttpException http -> fromStatus(http.status().code(), http);
            case RequestException transport -> fromStatus(transport.status().code(), transport);
            default -> internal(error);
        };
    }

    static Problem unauthorized(String reason, String challenge) {
        return Problem.of(401, "unauthorized", "Unauthorized", reason).withHeader("WWW-Authenticate", challenge);
    }

    private static Problem fromDomain(DomainException error) {
        return switch (error) {
            case NotFoundException e -> Problem.of(404, "not-found", "Not Found", e.getMessage());
            case GenerationConflictException e -> {
                Problem conflict = Problem.of(409, "generation-in-progress", "Conflict", e.getMessage());
                yield e.activeGeneration() == null ? conflict
                        : conflict.withGenerationId(e.activeGeneration().toString());
            }
            case ArtifactBusyException e -> Problem.of(409, "artifact-busy", "Conflict", e.getMessage());
            case NotWrittenException e -> Problem.of(409, "not-written", "Conflict", e.getMessage());
            case StaleArtifactException e -> Problem.of(412, "stale-artifact", "Precondition Failed", e.getMessage());
            case InvalidInputException e -> Problem.of(422, "invalid-input", "Unprocessable Content", e.getMessage())
                    .withErrors(e.violations().stream()
                            .map(v -> new Problem.FieldError(v.path(), v.message())).toList());
            case BudgetExhaustedException e -> Problem.of(429, "budget-exhausted", "Too Many Requests", e.getMessage())
                    .withHeader("Retry-After", String.valueOf(Math.max(1, ceilSeconds(e))));
            // Generations take tens of seconds; retrying sooner would only be refused again.
            case TooManyActiveGenerationsException e -> Problem.of(429, "too-many-active-generations",
                    "Too Many Requests", e.getMessage()).withHeader("Retry-After", "15");
            case StoreUnavailableException e -> {
                // The cause may hold SQL or host names: log it, say nothing of it.
                LOG.log(Level.WARNING, "store unavailable", e);
                yield Problem.of(503, "unavailable", "Service Unavailable",
                        "the service is temporarily unavailable; try again shortly").withHeader("Retry-After", "5");
            }
            case LeaseLostException e -> internal(e);
        };
    }

    private static long ceilSeconds(BudgetExhaustedException e) {
        long millis = e.retryAfter().toMillis();
        return (millis + 999) / 1000;
    }

    /** Errors raised by the web server itself (no route, a malformed request line): status only, generic text. */
    private static Problem fromStatus(int status, RuntimeException error) {
        return switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad Request", "the request is malformed");
            case 404 -> ClientError.routeNotFound().problem();
            case 405 -> Problem.of(405, "method-not-allowed", "Method Not Allowed", "this method is not allowed here");
            case 413 -> Problem.of(413, "payload-too-large", "Content Too Large", "the request is too large");
            // Helidon's own answer when more requests are in flight than the server allows.
            case 503 -> Problem.of(503, "busy", "Service Unavailable", "the server is busy; try again shortly")
                    .withHeader("Retry-After", "1");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported Media Type", "the body's media type is not supported");
            default -> status >= 500 || status < 400 ? internal(error)
                    : Problem.of(status, "client-error", "Client Error", "the request cannot be processed");
        };
    }

    private static Problem internal(Throwable error) {
        String correlationId = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "unexpected error, correlation id " + correlationId, error);
        return Problem.of(500, "internal-error", "Internal Server Error",
                "an unexpected error occurred; quote correlation id " + correlationId + " when reporting it")
                .withCorrelationId(correlationId);
    }
}
