package io.artifactpipeline.llm.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a server said about trying again, read as the official Anthropic and OpenAI SDKs read it:
 * {@code retry-after-ms} first, then {@code Retry-After} in seconds or as an HTTP date, and
 * {@code x-should-retry: true|false}, which overrides the status's own verdict.
 *
 * @param retryAfter  the wait the server asked for (zero when the date is already past)
 * @param shouldRetry the server's explicit verdict, when it gave one
 */
record RetryHeaders(Optional<Duration> retryAfter, Optional<Boolean> shouldRetry) {
    static final RetryHeaders NONE = new RetryHeaders(Optional.empty(), Optional.empty());
    private static final double A_DAY_IN_MILLIS = 86_400_000d;

    static RetryHeaders read(HttpHeaders headers, Instant now) {
        Optional<Duration> after = headers.firstValue("retry-after-ms").flatMap(value -> millis(value, 1))
                .or(() -> headers.firstValue("retry-after").flatMap(value -> millis(value, 1000).or(() -> date(value, now))));
        Optional<Boolean> verdict = headers.firstValue("x-should-retry")
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .filter(value -> value.equals("true") || value.equals("false"))
                .map(Boolean::parseBoolean);
        return new RetryHeaders(after, verdict);
    }

    private static Optional<Duration> millis(String value, int millisPerUnit) {
        try {
            double millis = Double.parseDouble(value.strip()) * millisPerUnit;
            return millis >= 0 && millis < A_DAY_IN_MILLIS
                    ? Optional.of(Duration.ofMillis((long) millis))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
