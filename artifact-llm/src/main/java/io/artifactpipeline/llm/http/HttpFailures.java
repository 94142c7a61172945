package io.artifactpipeline.llm.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.port.ModelFailure.Reason;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one place where HTTP outcomes of both providers become {@link Reason}s, and where it is decided what is
 * worth another attempt. As the official SDKs do: 408, 409, 429 and every 5xx (Anthropic's 529 included) are
 * retried, a server's {@code x-should-retry} overrides that verdict, and an exhausted quota or credit balance
 * is never retried, whatever its status. Provider error messages are never copied: they can echo part of the
 * key (OpenAI's 401 does).
 */
final class HttpFailures {
    /** Error codes that mean "no more money", not "slow down": waiting will not help. */
    private static final List<String> QUOTA_CODES = List.of("insufficient_quota", "billing_error", "billing_hard_limit_reached");
    /** The HTTP status each documented error type comes with, for error events inside a 200 stream. */
    private static final Map<String, Integer> STATUS_OF_TYPE = Map.ofEntries(
            Map.entry("invalid_request_error", 400), Map.entry("authentication_error", 401),
            Map.entry("billing_error", 402), Map.entry("permission_error", 403), Map.entry("not_found_error", 404),
            Map.entry("request_too_large", 413), Map.entry("rate_limit_error", 429), Map.entry("api_error", 500),
            Map.entry("server_error", 500), Map.entry("timeout_error", 504), Map.entry("overloaded_error", 529));

    private HttpFailures() {
    }

    static AttemptFailure fromResponse(String provider, int status, HttpHeaders headers, String body) {
        return fromResponse(provider, status, headers, body, Instant.now());
    }

    static AttemptFailure fromResponse(String provider, int status, HttpHeaders headers, String body, Instant now) {
        ProviderError error = ProviderError.parse(body);
        String detail = "HTTP " + status + (error.codes().isEmpty() ? "" : ", " + String.join("/", error.codes()));
        return classify(provider, status, error, detail, RetryHeaders.read(headers, now));
    }

    /**
     * An error event in the middle of a streamed answer, judged like the status it stands for: Anthropic's
     * {@code overloaded_error} like a 529. vLLM puts the status in a numeric {@code code}. An error nobody
     * documented is taken for a server error: the stream broke, and another attempt usually succeeds.
     */
    static AttemptFailure fromStreamError(String provider, JsonNode errorObject) {
        ProviderError error = ProviderError.of(errorObject);
        int code = errorObject.path("code").asInt(0);
        int status = code >= 400 && code < 600 ? code
                : STATUS_OF_TYPE.getOrDefault(errorObject.path("type").asText(""), 500);
        String detail = "error event in the stream" + (error.codes().isEmpty() ? "" : ", " + String.join("/", error.codes()));
        return classify(provider, status, error, detail, RetryHeaders.NONE);
    }

    static AttemptFailure fromException(String provider, IOException e) {
        return AttemptFailure.retryable(Reason.UNAVAILABLE,
                "the " + provider + " provider could not be reached (" + e.getClass().getSimpleName() + ")", e);
    }

    static AttemptFailure cutShort(String provider) {
        return AttemptFailure.retryable(Reason.UNAVAILABLE,
                "the " + provider + " provider's stream ended before the answer was complete");
    }

    static AttemptFailure silent(String provider, Duration idle) {
        return AttemptFailure.retryable(Reason.TIMEOUT, "the " + provider + " provider sent nothing for " + describe(idle));
    }

    static AttemptFailure outOfTime(String provider, Duration whole) {
        return AttemptFailure.giveUp(Reason.TIMEOUT,
                "the " + provider + " provider did not finish within the call's limit of " + describe(whole));
    }

    private static AttemptFailure classify(String provider, int status, ProviderError error, String detail,
                                           RetryHeaders headers) {
        if (status == 402 || error.creditTooLow() || error.codes().stream().anyMatch(QUOTA_CODES::contains)) {
            return AttemptFailure.giveUp(Reason.QUOTA_EXHAUSTED,
                    "the " + provider + " account has no quota or credit left (" + detail + ")");
        }
        if (error.contextExceeded() && status / 100 == 4) {
            return AttemptFailure.giveUp(Reason.INVALID_REQUEST, "the prompt and the output limit do not fit the "
                    + provider + " model's context window (" + detail + "); set ARTIFACT_LLM_CONTEXT_TOKENS to the "
                    + "server's context length so that the output limit is fitted under it").advisedBy(headers);
        }
        return byStatus(provider, status, detail).advisedBy(headers);
    }

    private static AttemptFailure byStatus(String provider, int status, String detail) {
        String who = "the " + provider + " provider";
        return switch (status) {
            case 401, 403 -> AttemptFailure.giveUp(Reason.AUTHENTICATION,
                    who + " refused the credentials (" + detail + "); check the API key");
            case 408 -> AttemptFailure.retryable(Reason.TIMEOUT, who + " timed out the request (" + detail + ")");
            case 409 -> AttemptFailure.retryable(Reason.UNAVAILABLE, who + " reported a conflict (" + detail + ")");
            case 429 -> AttemptFailure.retryable(Reason.RATE_LIMITED, who + " is rate limiting requests (" + detail + ")");
            case 503, 529 -> AttemptFailure.retryable(Reason.OVERLOADED, who + " is overloaded (" + detail + ")");
            default -> {
                if (status >= 500) {
                    yield AttemptFailure.retryable(Reason.UNAVAILABLE, who + " had a server error (" + detail + ")");
                }
                if (status >= 400) {
                    yield AttemptFailure.giveUp(Reason.INVALID_REQUEST, who + " rejected the request (" + detail + ")");
                }
                yield AttemptFailure.giveUp(Reason.UNAVAILABLE, who + " answered with an unexpected status (" + detail + ")");
            }
        };
    }

    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
