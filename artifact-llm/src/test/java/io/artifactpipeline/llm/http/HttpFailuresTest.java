package io.artifactpipeline.llm.http;

import io.artifactpipeline.core.port.ModelFailure.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HttpFailuresTest {

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}, retry {3}")
    @CsvSource({
            "400, invalid_request_error, INVALID_REQUEST, false",
            "401, authentication_error,  AUTHENTICATION,  false",
            "402, billing_error,         QUOTA_EXHAUSTED, false",
            "403, permission_error,      AUTHENTICATION,  false",
            "404, not_found_error,       INVALID_REQUEST, false",
            "408, timeout,               TIMEOUT,         true",
            "413, request_too_large,     INVALID_REQUEST, false",
            "429, rate_limit_error,      RATE_LIMITED,    true",
            "429, insufficient_quota,    QUOTA_EXHAUSTED, false",
            "500, api_error,             UNAVAILABLE,     true",
            "502, '',                    UNAVAILABLE,     true",
            "503, '',                    OVERLOADED,      true",
            "529, overloaded_error,      OVERLOADED,      true",
            "302, '',                    UNAVAILABLE,     false",
    })
    void mapsStatusAndErrorCodeToAReasonAndARetryDecision(int status, String code, Reason reason, boolean retryable) {
        String body = code.isEmpty() ? "<html>oops</html>" : "{\"error\":{\"type\":\"" + code + "\",\"message\":\"m\"}}";

        AttemptFailure failure = HttpFailures.fromResponse("test", status, headers(Map.of()), body);

        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.message()).contains("HTTP " + status).doesNotContain("\"m\"");
    }

    @ParameterizedTest
    @CsvSource({"2, 2000", "0.5, 500", "'  7 ', 7000", "soon, -1", "-3, -1", "'Wed, 21 Oct 2015 07:28:00 GMT', -1"})
    void readsRetryAfterSeconds(String header, long expectedMillis) {
        Optional<Duration> parsed = HttpFailures.retryAfter(headers(Map.of("retry-after", header)));

        assertThat(parsed).isEqualTo(expectedMillis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(expectedMillis)));
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        values.forEach((k, v) -> multi.put(k, List.of(v)));
        return HttpHeaders.of(multi, (k, v) -> true);
    }
}
