package io.artifactpipeline.llm.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryHeadersTest {
    private static final Instant NOW = Instant.parse("2015-10-21T07:27:55Z");

    @ParameterizedTest
    @CsvSource({"2, 2000", "0.5, 500", "'  7 ', 7000", "soon, -1", "-3, -1",
            "'Wed, 21 Oct 2015 07:28:00 GMT', 5000", "'Wed, 21 Oct 2015 07:27:00 GMT', 0"})
    void readsRetryAfterInSecondsOrAsAnHttpDate(String header, long expectedMillis) {
        Optional<Duration> parsed = RetryHeaders.read(HttpFailuresTest.headers(Map.of("retry-after", header)), NOW).retryAfter();

        assertThat(parsed).isEqualTo(expectedMillis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(expectedMillis)));
    }

    @Test
    void retryAfterMsComesFirstAndABadOneFallsBackToRetryAfter() {
        assertThat(RetryHeaders.read(HttpFailuresTest.headers(Map.of("retry-after-ms", "1234.5", "retry-after", "9")), NOW)
                .retryAfter()).contains(Duration.ofMillis(1234));
        assertThat(RetryHeaders.read(HttpFailuresTest.headers(Map.of("retry-after-ms", "later", "retry-after", "9")), NOW)
                .retryAfter()).contains(Duration.ofSeconds(9));
    }

    @Test
    void xShouldRetryIsTrueFalseOrNothing() {
        assertThat(RetryHeaders.read(HttpFailuresTest.headers(Map.of("x-should-retry", "true")), NOW).shouldRetry()).contains(true);
        assertThat(RetryHeaders.read(HttpFailuresTest.headers(Map.of("x-should-retry", " False ")), NOW).shouldRetry()).contains(false);
        assertThat(RetryHeaders.read(HttpFailuresTest.headers(Map.of("x-should-retry", "maybe")), NOW).shouldRetry()).isEmpty();
        assertThat(RetryHeaders.read(HttpFailuresTest.headers(Map.of()), NOW)).isEqualTo(RetryHeaders.NONE);
    }
}
