package io.artifactpipeline.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelFailure.Reason;
import io.artifactpipeline.core.port.ModelReply;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AnthropicMessagesProviderTest {
    private static final String KEY = "sk-ant-api03-test-key-do-not-log";
    private final StubServer server = StubServer.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void stop() {
        server.close();
    }

    private AnthropicMessagesProvider provider(Duration idle) {
        ModelSettings settings = ModelSettings.builder().provider("anthropic").apiKey(KEY)
                .baseUrl(server.baseUrl()).defaultModel("claude-haiku-4-5").model(Tier.CTO_SCALE, "claude-opus-4-1")
                .idleTimeout(idle).timeout(Duration.ofSeconds(30)).build();
        return new AnthropicMessagesProvider(settings, Transports.recording("anthropic", settings, sleeper));
    }

    private AnthropicMessagesProvider provider() {
        return provider(Duration.ofSeconds(5));
    }

    private static Answer valid(ArtifactType type, Tier tier) {
        return Answer.events(AnthropicWire.toolUse("write_" + type.wireName(), TestRequests.validContent(type, tier)));
    }

    @Test
    void sendsAForcedToolWithTheSchemaTheHeadersAndCacheMarks() {
        ModelRequest request = TestRequests.request(ArtifactType.MVP_SCOPE, Tier.CTO_SCALE);
        server.then(valid(ArtifactType.MVP_SCOPE, Tier.CTO_SCALE));

        provider().write(request);

        StubServer.Captured sent = server.onlyRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).isEqualTo(KEY);
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.header("content-type")).isEqualTo("application/json");
        assertThat(sent.header("authorization")).isNull();
        JsonNode body = sent.json();
        assertThat(body.get("model").asText()).isEqualTo("claude-opus-4-1");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(8192);
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(sent.header("accept")).isEqualTo("text/event-stream");
        // every call offers all five tools, so that the cached prefix (tools, system, context) is shared
        assertThat(body.get("tools")).extracting(t -> t.get("name").asText()).containsExactly(
                "write_brief", "write_mvp_scope", "write_milestones", "write_risk_log", "write_how_it_works");
        JsonNode tool = body.get("tools").get(1);
        assertThat(tool.get("name").asText()).isEqualTo("write_mvp_scope");
        assertThat(tool.get("description").asText()).isNotBlank();
        assertThat(tool.get("input_schema")).isEqualTo(request.schema());
        assertThat(body.get("tool_choice").get("type").asText()).isEqualTo("tool");
        assertThat(body.get("tool_choice").get("name").asText()).isEqualTo("write_mvp_scope");
        JsonNode system = body.get("system");
        assertThat(system).hasSize(1);
        assertThat(system.get(0).get("type").asText()).isEqualTo("text");
        assertThat(system.get(0).get("cache_control").get("type").asText()).isEqualTo("ephemeral");
        JsonNode messages = body.get("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("role").asText()).isEqualTo("user");
        JsonNode context = messages.get(0).get("content").get(0);
        JsonNode task = messages.get(0).get("content").get(1);
        assertThat(context.get("cache_control").get("type").asText()).isEqualTo("ephemeral");
        assertThat(context.get("text").asText()).contains(TestRequests.IDEA);
        TestRequests.ANSWERS.values().forEach(answer -> assertThat(context.get("text").asText()).contains(answer));
        assertThat(task.has("cache_control")).isFalse();
        // The mvp_scope prompt really carries the brief it is written from.
        ObjectNode brief = request.dependencies().get(ArtifactType.BRIEF);
        assertThat(task.get("text").asText()).contains("### brief")
                .contains(brief.get("target_user").asText()).contains(brief.get("key_constraint").asText())
                .contains("`scalability_plan`");
    }

    @Test
    void everyArtifactOfAGenerationSendsTheSameCachedPrefix() {
        server.then(valid(ArtifactType.BRIEF, Tier.PARTNER)).then(valid(ArtifactType.RISK_LOG, Tier.PARTNER));

        provider().write(TestRequests.request(ArtifactType.BRIEF, Tier.PARTNER));
        provider().write(TestRequests.request(ArtifactType.RISK_LOG, Tier.PARTNER));

        JsonNode brief = server.requests().get(0).json();
        JsonNode riskLog = server.requests().get(1).json();
        // Anthropic caches the prefix tools → system → first content block; all of it must be identical
        assertThat(riskLog.get("tools")).isEqualTo(brief.get("tools"));
        assertThat(riskLog.get("system")).isEqualTo(brief.get("system"));
        assertThat(riskLog.get("messages").get(0).get("content").get(0))
                .isEqualTo(brief.get("messages").get(0).get("content").get(0));
        assertThat(riskLog.get("tool_choice").get("name").asText()).isEqualTo("write_risk_log");
        assertThat(brief.get("tool_choice").get("name").asText()).isEqualTo("write_brief");
    }

    @Test
    void returnsTheToolInputAndTheReportedUsage() {
        server.then(valid(ArtifactType.BRIEF, Tier.PARTNER));

        ModelReply reply = provider().write(TestRequests.request(ArtifactType.BRIEF, Tier.PARTNER));

        assertThat(reply.content()).isEqualTo(TestRequests.validContent(ArtifactType.BRIEF, Tier.PARTNER));
        assertThat(reply.usage()).isEqualTo(new TokenUsage(320, 512, 2048, 1450));
        assertThat(server.onlyRequest().json().get("model").asText()).isEqualTo("claude-haiku-4-5");
    }

    @Test
    void aSchemaInvalidAnswerIsReturnedAsItIsForTheCoresRepairCall() {
        ObjectNode invalid = TestRequests.validContent(ArtifactType.BRIEF, Tier.BOOTSTRAPPER);
        invalid.put("differentiation_points", "one string instead of a list");
        server.then(Answer.events(AnthropicWire.toolUse("write_brief", invalid)));

        ModelReply reply = provider().write(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(reply.content()).isEqualTo(invalid);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void overloaded529AndServerError500AreRetriedWithBackoff() {
        server.then(Answer.json(529, AnthropicWire.error("overloaded_error", "Overloaded")));
        server.then(Answer.json(500, AnthropicWire.error("api_error", "Internal server error")));
        server.then(valid(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        provider().write(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(server.requests()).hasSize(3);
        // Full jitter at the middle of its range: half of 1 s, then of 2 s.
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void persistentOverloadGivesUpAfterFourAttempts() {
        for (int i = 0; i < 5; i++) {
            server.then(Answer.json(529, AnthropicWire.error("overloaded_error", "Overloaded")));
        }

        ModelFailure failure = fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(failure.reason()).isEqualTo(Reason.OVERLOADED);
        assertThat(failure.getMessage()).contains("HTTP 529").contains("overloaded_error").contains("4 attempts");
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void anExhaustedCreditBalanceIsNotRetried() {
        server.then(Answer.json(402, AnthropicWire.error("billing_error", "Your credit balance is too low")));

        ModelFailure failure = fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(failure.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aRejectedKeyIsNotRetriedAndNeverShown() {
        server.then(Answer.json(401, AnthropicWire.error("authentication_error", "invalid x-api-key " + KEY)));

        ModelFailure failure = fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(failure.getMessage()).doesNotContain(KEY).doesNotContain("invalid x-api-key").contains("HTTP 401");
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aBadRequestIsNotRetried() {
        server.then(Answer.json(400, AnthropicWire.error("invalid_request_error", "max_tokens: too large")));

        assertThat(fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER)).reason())
                .isEqualTo(Reason.INVALID_REQUEST);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anEventThatIsNotJsonIsMalformedOutput() {
        server.then(Answer.events(List.of("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\n\n")));

        assertThat(fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER)).reason())
                .isEqualTo(Reason.MALFORMED_OUTPUT);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aWholeJsonBodyInsteadOfAStreamIsMalformedOutput() {
        server.then(Answer.json(200, "{\"id\":\"msg_01\",\"type\":\"message\",\"content\":[]}"));

        ModelFailure failure = fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED_OUTPUT);
        assertThat(failure.getMessage()).contains("application/json instead of an event stream");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anAnswerWithoutTheToolCallIsMalformedOutput() {
        server.then(Answer.events(AnthropicWire.text("Here is your brief: ...", "end_turn")));

        ModelFailure failure = fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED_OUTPUT);
        assertThat(failure.getMessage()).contains("write_brief");
    }

    @Test
    void runningOutOfTokensIsTruncated() {
        String whole = TestRequests.validContent(ArtifactType.BRIEF, Tier.BOOTSTRAPPER).toString();
        server.then(Answer.events(AnthropicWire.toolUse("write_brief", whole.substring(0, whole.length() / 2), "max_tokens")));

        ModelFailure failure = fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(failure.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(failure.billed()).as("billed as the stream reported it")
                .isEqualTo(new TokenUsage(320, 512, 2048, 1450));
    }

    @Test
    void theWorstCaseOfACallIsThePromptAsSentPlusItsOutputLimit() {
        ModelRequest request = TestRequests.request(ArtifactType.MVP_SCOPE, Tier.PARTNER);
        long worstCase = provider().worstCaseTokens(request).orElseThrow();
        server.then(Answer.events(AnthropicWire.toolUse("write_mvp_scope",
                TestRequests.validContent(ArtifactType.MVP_SCOPE, Tier.PARTNER).toString(), "end_turn")));

        provider().write(request);

        StubServer.Captured sent = server.requests().getFirst();
        assertThat(worstCase).isEqualTo((sent.body().length() + 3) / 4 + sent.json().get("max_tokens").asLong());
    }

    @Test
    void aRefusalIsRefused() {
        server.then(Answer.events(AnthropicWire.text("I can't help with that.", "refusal")));

        assertThat(fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER)).reason())
                .isEqualTo(Reason.REFUSED);
    }

    @Test
    void aServerThatSendsNothingTimesOutAfterTheIdleLimitOnEveryAttempt() {
        for (int i = 0; i < 4; i++) {
            server.then(Answer.hang());
        }
        long start = System.nanoTime();

        ModelFailure failure = catchThrowableOfType(ModelFailure.class,
                () -> provider(Duration.ofMillis(300)).write(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER)));

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(failure.getMessage()).contains("300 ms");
        assertThat(server.requests()).hasSize(4);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aDroppedConnectionIsRetried() {
        server.then(Answer.drop());
        server.then(valid(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        provider().write(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.waits()).hasSize(1);
    }

    private ModelFailure fails(ModelRequest request) {
        ModelFailure failure = catchThrowableOfType(ModelFailure.class, () -> provider().write(request));
        assertThat(failure).as("a ModelFailure").isNotNull();
        return failure;
    }
}
