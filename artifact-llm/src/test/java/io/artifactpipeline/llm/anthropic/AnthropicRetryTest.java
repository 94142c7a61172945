package io.artifactpipeline.llm.anthropic;

import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelFailure.Reason;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.llm.ModelSettings;
import io.artifactpipeline.llm.RecordingSleeper;
import io.artifactpipeline.llm.StubServer;
import io.artifactpipeline.llm.StubServer.Answer;
import io.artifactpipeline.llm.TestRequests;
import io.artifactpipeline.llm.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Retries as the official SDKs make them: the three forms of a requested wait, x-should-retry, the deadline. */
class AnthropicRetryTest {
    private final StubServer server = StubServer.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final ModelRequest brief = TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER);

    @AfterEach
    void stop() {
        server.close();
    }

    private AnthropicMessagesProvider provider(Duration whole) {
        ModelSettings settings = ModelSettings.builder().provider("anthropic").apiKey("sk-ant-test")
                .baseUrl(server.baseUrl()).idleTimeout(Duration.ofSeconds(5)).timeout(whole).build();
        return new AnthropicMessagesProvider(settings, Transports.recording("anthropic", settings, sleeper));
    }

    private Answer valid() {
        return Answer.events(AnthropicWire.toolUse("write_brief", TestRequests.validContent(ArtifactType.BRIEF, Tier.BOOTSTRAPPER)));
    }

    private static Answer overloaded(String... headers) {
        return Answer.json(529, AnthropicWire.error("overloaded_error", "Overloaded"), headers);
    }

    @Test
    void retryAfterMsComesFirst() {
        server.then(overloaded("retry-after-ms", "1500", "retry-after", "9")).then(valid());

        provider(Duration.ofSeconds(60)).write(brief);

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void retryAfterInSeconds() {
        server.then(overloaded("retry-after", "2")).then(valid());

        provider(Duration.ofSeconds(60)).write(brief);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterAsAnHttpDate() {
        String inFourSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(4));
        server.then(overloaded("retry-after", inFourSeconds)).then(valid());

        provider(Duration.ofSeconds(60)).write(brief);

        // The date has whole seconds and the request took a moment: under four seconds, well above the 500 ms
        // the backoff would have given.
        assertThat(sleeper.waits()).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(4)));
    }

    @Test
    void anUnreasonableRetryAfterFallsBackToTheBackoff() {
        server.then(overloaded("retry-after", "3600")).then(valid());

        provider(Duration.ofSeconds(60)).write(brief);

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void xShouldRetryFalseStopsARetryTheStatusWouldAllow() {
        server.then(overloaded("x-should-retry", "false")).then(valid());

        ModelFailure failure = catchThrowableOfType(ModelFailure.class, () -> provider(Duration.ofSeconds(60)).write(brief));

        assertThat(failure.reason()).isEqualTo(Reason.OVERLOADED);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void xShouldRetryTrueRetriesAStatusThatWouldNotBe() {
        server.then(Answer.json(400, AnthropicWire.error("invalid_request_error", "try again"), "x-should-retry", "true"))
                .then(valid());

        provider(Duration.ofSeconds(60)).write(brief);

        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void conflictsAndEveryServerErrorAreRetried() {
        server.then(Answer.json(409, AnthropicWire.error("api_error", "conflict")))
                .then(Answer.json(504, "<html>gateway timeout</html>"))
                .then(valid());

        provider(Duration.ofSeconds(60)).write(brief);

        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aCreditBalanceTooLowIsQuotaExhaustedAndNotRetried() {
        server.then(Answer.json(400, AnthropicWire.error("invalid_request_error",
                "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.")));

        ModelFailure failure = catchThrowableOfType(ModelFailure.class, () -> provider(Duration.ofSeconds(60)).write(brief));

        assertThat(failure.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(failure.getMessage()).doesNotContain("Plans & Billing");
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aWaitThatWouldEndPastTheCallsDeadlineIsNotTaken() {
        server.then(Answer.json(429, AnthropicWire.error("rate_limit_error", "slow down"), "retry-after", "30"))
                .then(valid());

        ModelFailure failure = catchThrowableOfType(ModelFailure.class, () -> provider(Duration.ofSeconds(3)).write(brief));

        assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(failure.getMessage()).contains("no time left for another attempt within the call's limit of 3 s");
        assertThat(sleeper.waits()).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }
}
