package io.artifactpipeline.llm.http;

import io.artifactpipeline.core.port.ModelFailure.Reason;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
            "409, conflict,              UNAVAILABLE,     true",
            "413, request_too_large,     INVALID_REQUEST, false",
            "429, rate_limit_error,      RATE_LIMITED,    true",
            "429, insufficient_quota,    QUOTA_EXHAUSTED, false",
            "500, api_error,             UNAVAILABLE,     true",
            "502, '',                    UNAVAILABLE,     true",
            "504, timeout_error,         UNAVAILABLE,     true",
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

    @Test
    void anthropicsCreditBalanceTooLowIsAnExhaustedQuotaThoughItIsA400() {
        String body = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
                + "\"Your credit balance is too low to access the Anthropic API.\"}}";

        AttemptFailure failure = HttpFailures.fromResponse("anthropic", 400, headers(Map.of("x-should-retry", "true")), body);

        assertThat(failure.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void vllmsTopLevelErrorBodyIsRead() {
        String body = "{\"object\":\"error\",\"message\":\"This model's maximum context length is 4096 tokens. "
                + "However, you requested 9000 tokens\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}";

        AttemptFailure failure = HttpFailures.fromResponse("openai-compatible", 400, headers(Map.of()), body);

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(failure.message()).contains("HTTP 400, BadRequestError").contains("context window")
                .doesNotContain("you requested");
    }

    @Test
    void openAisContextLengthCodeAndAnthropicsPromptTooLongAreContextFailures() {
        String openai = "{\"error\":{\"message\":\"m\",\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}";
        String anthropic = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
                + "\"prompt is too long: 210000 tokens > 200000 maximum\"}}";

        assertThat(HttpFailures.fromResponse("openai", 400, headers(Map.of()), openai).message()).contains("context window");
        assertThat(HttpFailures.fromResponse("anthropic", 400, headers(Map.of()), anthropic).message()).contains("context window");
    }

    @Test
    void anErrorEventInAStreamIsJudgedLikeTheStatusItStandsFor() {
        ObjectMapper json = new ObjectMapper();
        AttemptFailure overloaded = HttpFailures.fromStreamError("anthropic",
                json.createObjectNode().put("type", "overloaded_error").put("message", "Overloaded"));
        AttemptFailure invalid = HttpFailures.fromStreamError("openai-compatible",
                json.createObjectNode().put("object", "error").put("type", "BadRequestError").put("code", 400));
        AttemptFailure unknown = HttpFailures.fromStreamError("openai-compatible", json.createObjectNode());

        assertThat(overloaded.reason()).isEqualTo(Reason.OVERLOADED);
        assertThat(overloaded.retryable()).isTrue();
        assertThat(invalid.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(invalid.retryable()).isFalse();
        assertThat(unknown.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(unknown.retryable()).isTrue();
    }

    @Test
    void xShouldRetryOverridesTheStatusAndRetryAfterIsCarried() {
        AttemptFailure notAgain = HttpFailures.fromResponse("t", 529, headers(Map.of("x-should-retry", "false")), "");
        AttemptFailure again = HttpFailures.fromResponse("t", 400, headers(Map.of("x-should-retry", "TRUE", "retry-after-ms", "250")), "");

        assertThat(notAgain.retryable()).isFalse();
        assertThat(again.retryable()).isTrue();
        assertThat(again.retryAfter()).contains(Duration.ofMillis(250));
    }

    static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        values.forEach((k, v) -> multi.put(k, List.of(v)));
        return HttpHeaders.of(multi, (k, v) -> true);
    }
}
