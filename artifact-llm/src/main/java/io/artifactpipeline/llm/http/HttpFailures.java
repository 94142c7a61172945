package io.artifactpipeline.llm.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.port.ModelFailure.Reason;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place where HTTP outcomes of both providers become {@link Reason}s, and where it is decided what is
 * worth another attempt: rate limits (unless the quota is gone), overload, server errors, timeouts, resets.
 * Provider error messages are never copied: they can echo part of the key (OpenAI's 401 does).
 */
final class HttpFailures {
    /** Error codes that mean "no more money", not "slow down": waiting will not help. */
    private static final List<String> QUOTA_CODES = List.of("insufficient_quota", "billing_error", "billing_hard_limit_reached");
    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private HttpFailures() {
    }

    static AttemptFailure fromResponse(String provider, int status, HttpHeaders headers, String body) {
        List<String> codes = errorCodes(body);
        String detail = "HTTP " + status + (codes.isEmpty() ? "" : ", " + String.join("/", codes));
        boolean quotaGone = codes.stream().anyMatch(QUOTA_CODES::contains);
        if (quotaGone || status == 402) {
            return AttemptFailure.giveUp(Reason.QUOTA_EXHAUSTED,
                    "the " + provider + " account has no quota or credit left (" + detail + ")");
        }
        Optional<Duration> retryAfter = retryAfter(headers);
        return switch (status) {
            case 401, 403 -> AttemptFailure.giveUp(Reason.AUTHENTICATION,
                    "the " + provider + " provider refused the credentials (" + detail + "); check the API key");
            case 408 -> AttemptFailure.retryable(Reason.TIMEOUT,
                    "the " + provider + " provider timed out the request (" + detail + ")", retryAfter);
            case 429 -> AttemptFailure.retryable(Reason.RATE_LIMITED,
                    "the " + provider + " provider is rate limiting requests (" + detail + ")", retryAfter);
            case 503, 529 -> AttemptFailure.retryable(Reason.OVERLOADED,
                    "the " + provider + " provider is overloaded (" + detail + ")", retryAfter);
            default -> {
                if (status >= 500) {
                    yield AttemptFailure.retryable(Reason.UNAVAILABLE,
                            "the " + provider + " provider had a server error (" + detail + ")", retryAfter);
                }
                if (status >= 400) {
                    yield AttemptFailure.giveUp(Reason.INVALID_REQUEST,
                            "the " + provider + " provider rejected the request (" + detail + ")");
                }
                yield AttemptFailure.giveUp(Reason.UNAVAILABLE,
                        "the " + provider + " provider answered with an unexpected status (" + detail + ")");
            }
        };
    }

    static AttemptFailure fromException(String provider, IOException e, Duration timeout) {
        if (e instanceof HttpTimeoutException) {
            return AttemptFailure.retryable(Reason.TIMEOUT,
                    "the " + provider + " provider did not answer within " + describe(timeout), e);
        }
        return AttemptFailure.retryable(Reason.UNAVAILABLE,
                "the " + provider + " provider could not be reached (" + e.getClass().getSimpleName() + ")", e);
    }

    /** Retry-After in seconds (RFC 9110 also allows a date; providers send seconds). */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("retry-after").flatMap(value -> {
            try {
                double seconds = Double.parseDouble(value.strip());
                return seconds >= 0 && seconds < 86_400
                        ? Optional.of(Duration.ofMillis((long) (seconds * 1000)))
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** error.type and error.code of either provider's error body, when they are plain identifiers. */
    private static List<String> errorCodes(String body) {
        List<String> codes = new ArrayList<>();
        JsonNode error = Json.parseOrNull(body) instanceof JsonNode root ? root.path("error") : null;
        if (error == null || !error.isObject()) {
            return codes;
        }
        for (String field : List.of("type", "code")) {
            String value = error.path(field).asText("");
            if (SAFE_TOKEN.matcher(value).matches() && !codes.contains(value)) {
                codes.add(value);
            }
        }
        return codes;
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
