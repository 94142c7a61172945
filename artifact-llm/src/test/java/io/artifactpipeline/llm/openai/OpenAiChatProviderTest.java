package io.artifactpipeline.llm.openai;

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

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenAiChatProviderTest {
    private static final String KEY = "sk-proj-test-key-never-logged";
    private final StubServer server = StubServer.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final URI base = URI.create(server.baseUrl() + "/v1");

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelSettings.Builder settings() {
        return ModelSettings.builder().provider("openai").baseUrl(base).apiKey(KEY).defaultModel("gpt-4o-mini")
                .model(Tier.PARTNER, "gpt-4.1");
    }

    private OpenAiChatProvider provider(ModelSettings settings) {
        return new OpenAiChatProvider(settings, Transports.recording("openai-compatible", settings, sleeper));
    }

    private OpenAiChatProvider provider() {
        return provider(settings().idleTimeout(Duration.ofSeconds(5)).build());
    }

    private static Answer valid(ArtifactType type, Tier tier) {
        return Answer.events(OpenAiWire.completion(TestRequests.validContent(type, tier)));
    }

    @Test
    void sendsAStrictJsonSchemaRequestThatFitsThePublishedProtocol() {
        ModelRequest request = TestRequests.request(ArtifactType.MVP_SCOPE, Tier.PARTNER);
        server.then(valid(ArtifactType.MVP_SCOPE, Tier.PARTNER));

        provider().write(request);

        StubServer.Captured sent = server.onlyRequest();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(sent.header("content-type")).isEqualTo("application/json");
        JsonNode body = sent.json();
        assertThat(OpenApiCheck.reference().violations("CreateChatCompletionRequest", body)).isEmpty();
        assertThat(body.get("model").asText()).isEqualTo("gpt-4.1");
        // Not OpenAI's own API: the output limit goes in the field every compatible server reads.
        assertThat(body.get("max_tokens").asInt()).isEqualTo(8192);
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
        JsonNode format = body.get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/name").asText()).isEqualTo("mvp_scope");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        JsonNode schema = format.at("/json_schema/schema");
        assertThat(StrictSchemaRules.violations(schema)).isEmpty();
        assertThat(schema.get("properties").size()).isEqualTo(request.sections().size());
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        String user = body.at("/messages/1/content").asText();
        assertThat(user).contains(TestRequests.IDEA).contains("### brief")
                .contains(request.dependencies().get(ArtifactType.BRIEF).get("target_user").asText())
                .contains("`technical_architecture`").doesNotContain("`scalability_plan`");
        TestRequests.ANSWERS.forEach((question, answer) -> assertThat(user).contains(question).contains(answer));
    }

    @Test
    void theProtocolCheckCatchesMisspeltFieldsAndWrongRoles() {
        server.then(valid(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));
        provider().write(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));
        ObjectNode body = (ObjectNode) server.onlyRequest().json();

        ObjectNode misspelt = body.deepCopy();
        misspelt.set("response_fromat", misspelt.remove("response_format"));
        ObjectNode wrongRole = body.deepCopy();
        ((ObjectNode) wrongRole.at("/messages/0")).put("role", "sytem");
        ObjectNode nested = body.deepCopy();
        ((ObjectNode) nested.at("/response_format/json_schema")).put("strictt", true);

        OpenApiCheck check = OpenApiCheck.reference();
        assertThat(check.violations("CreateChatCompletionRequest", misspelt)).isNotEmpty();
        assertThat(check.violations("CreateChatCompletionRequest", wrongRole)).isNotEmpty();
        assertThat(check.violations("CreateChatCompletionRequest", nested)).isNotEmpty();
    }

    @Test
    void theStubStreamsChunksInTheDocumentedShape() {
        OpenApiCheck check = OpenApiCheck.reference();
        String content = TestRequests.validContent(ArtifactType.BRIEF, Tier.BOOTSTRAPPER).toString();
        assertThat(OpenAiWire.chunks(content, "stop", null, true))
                .allSatisfy(chunk -> assertThat(check.violations("CreateChatCompletionStreamResponse", chunk)).isEmpty());
        assertThat(OpenAiWire.chunks(null, "stop", "I can't help with that.", false))
                .allSatisfy(chunk -> assertThat(check.violations("CreateChatCompletionStreamResponse", chunk)).isEmpty());
        assertThat(OpenAiWire.chunks("{}", "stopped", null, false))
                .anySatisfy(chunk -> assertThat(check.violations("CreateChatCompletionStreamResponse", chunk)).isNotEmpty());
    }

    @Test
    void returnsTheParsedContentAndUsageWithCachedTokensSplitOut() {
        server.then(valid(ArtifactType.RISK_LOG, Tier.CTO_SCALE));

        ModelReply reply = provider().write(TestRequests.request(ArtifactType.RISK_LOG, Tier.CTO_SCALE));

        assertThat(reply.content()).isEqualTo(TestRequests.validContent(ArtifactType.RISK_LOG, Tier.CTO_SCALE));
        assertThat(reply.usage()).isEqualTo(new TokenUsage(464, 600, 1536, 0));
        assertThat(reply.usage().total()).isEqualTo(2_600);
    }

    @Test
    void aLocalServerGetsNoAuthorizationHeaderAndMayWrapTheJsonInAFence() {
        ObjectNode content = TestRequests.validContent(ArtifactType.BRIEF, Tier.BOOTSTRAPPER);
        server.then(Answer.events(OpenAiWire.withDone(OpenAiWire.chunks(
                "```json\n" + content.toPrettyString() + "\n```", "stop", null, false).stream().map(OpenAiWire::event).toList())));
        ModelSettings local = ModelSettings.builder().provider("openai").baseUrl(base).defaultModel("llama3.2").build();

        ModelReply reply = provider(local).write(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(server.onlyRequest().header("authorization")).isNull();
        assertThat(reply.content()).isEqualTo(content);
        assertThat(reply.usage().inputTokens()).isPositive(); // estimated: the server reported none
    }

    @Test
    void a429WithRetryAfterReallyWaitsAboutTwoSecondsThenSucceeds() {
        server.then(Answer.json(429, OpenAiWire.error("requests", "rate_limit_exceeded", "Rate limit reached"),
                "retry-after", "2"));
        server.then(valid(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));
        // The production wiring: real sleeping, real jitter.
        OpenAiChatProvider realTime = new OpenAiChatProvider(settings().build());
        long start = System.nanoTime();

        ModelReply reply = realTime.write(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(reply.content().has("problem_statement")).isTrue();
        assertThat(server.requests()).hasSize(2);
        assertThat(elapsed).isBetween(Duration.ofMillis(1_900), Duration.ofSeconds(6));
    }

    @Test
    void aServerErrorIsRetried() {
        server.then(Answer.json(500, OpenAiWire.error("server_error", null, "The server had an error")));
        server.then(Answer.json(503, OpenAiWire.error("server_error", null, "The engine is currently overloaded")));
        server.then(valid(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        provider().write(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(server.requests()).hasSize(3);
        assertThat(sleeper.waits()).hasSize(2);
    }

    @Test
    void anExhaustedQuotaIsNotRetried() {
        server.then(Answer.json(429, OpenAiWire.error("insufficient_quota", "insufficient_quota",
                "You exceeded your current quota, please check your plan and billing details."), "retry-after", "1"));

        ModelFailure failure = fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(failure.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aRejectedKeyIsNotRetriedAndNeverShown() {
        server.then(Answer.json(401, OpenAiWire.error("invalid_request_error", "invalid_api_key",
                "Incorrect API key provided: " + KEY + ". You can find your API key at https://platform.openai.com.")));

        ModelFailure failure = fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(failure.getMessage()).doesNotContain(KEY).doesNotContain("Incorrect API key").contains("invalid_api_key");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aChunkThatIsNotJsonIsMalformedOutput() {
        server.then(Answer.events(java.util.List.of("data: <html>502 Bad Gateway</html>\n\n")));

        assertThat(fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER)).reason())
                .isEqualTo(Reason.MALFORMED_OUTPUT);
    }

    @Test
    void contentThatIsNotAJsonObjectIsMalformedOutput() {
        server.then(Answer.events(OpenAiWire.completion("Sure! Here is the brief you asked for.", "stop", null)));

        assertThat(fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER)).reason())
                .isEqualTo(Reason.MALFORMED_OUTPUT);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void finishReasonLengthIsTruncated() {
        server.then(Answer.events(OpenAiWire.completion("{\"problem_statement\": \"A booking app fo", "length", null)));

        ModelFailure failure = fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));

        assertThat(failure.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(failure.billed().total()).as("a truncated answer is billed, and counted").isPositive();
    }

    @Test
    void aRefusalOrAContentFilterIsRefused() {
        server.then(Answer.events(OpenAiWire.completion(null, "stop", "I'm sorry, I can't help with that.")));
        server.then(Answer.events(OpenAiWire.completion(null, "content_filter", null)));

        assertThat(fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER)).reason()).isEqualTo(Reason.REFUSED);
        assertThat(fails(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER)).reason()).isEqualTo(Reason.REFUSED);
    }

    @Test
    void aServerThatHangsTimesOut() {
        for (int i = 0; i < 4; i++) {
            server.then(Answer.hang());
        }
        OpenAiChatProvider impatient = provider(settings().idleTimeout(Duration.ofMillis(250)).build());

        ModelFailure failure = catchThrowableOfType(ModelFailure.class,
                () -> impatient.write(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER)));

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(server.requests()).hasSize(4);
    }

    private ModelFailure fails(ModelRequest request) {
        ModelFailure failure = catchThrowableOfType(ModelFailure.class, () -> provider().write(request));
        assertThat(failure).as("a ModelFailure").isNotNull();
        return failure;
    }
}
