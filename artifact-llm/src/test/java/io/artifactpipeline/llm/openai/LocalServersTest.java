package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelFailure.Reason;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.llm.ModelSettings;
import io.artifactpipeline.llm.RecordingSleeper;
import io.artifactpipeline.llm.StubServer;
import io.artifactpipeline.llm.TestRequests;
import io.artifactpipeline.llm.Transports;
import io.artifactpipeline.llm.prompt.Prompts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Ollama and vLLM as they behave: the output limit field each reads, context windows, their error bodies. */
class LocalServersTest {
    private static final int VLLM_CONTEXT = 4096;
    private final StubServer server = StubServer.start();
    private final URI base = URI.create(server.baseUrl() + "/v1");
    private final ModelRequest brief = TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER);

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiChatProvider provider(ModelSettings.Builder settings) {
        ModelSettings built = settings.provider("openai").baseUrl(base).defaultModel("qwen2.5:7b")
                .idleTimeout(Duration.ofSeconds(5)).build();
        return new OpenAiChatProvider(built, Transports.recording("openai-compatible", built, new RecordingSleeper()));
    }

    @Test
    void ollamaReceivesTheOutputLimitInTheFieldItReads() {
        server.otherwise(LocalServers.ollama(Tier.BOOTSTRAPPER));

        ModelReply reply = provider(ModelSettings.builder()).write(brief);

        assertThat(reply.content()).isEqualTo(TestRequests.validContent(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));
        assertThat(reply.usage().outputTokens()).isEqualTo(600); // the usage chunk include_usage asked for
        JsonNode sent = server.onlyRequest().json();
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(8192);
        assertThat(sent.get("temperature").asDouble()).isEqualTo(0.7);
    }

    @Test
    void ollamaStopsAtASmallLimitSoTheLimitReallyReachedIt() {
        server.otherwise(LocalServers.ollama(Tier.BOOTSTRAPPER));

        ModelFailure failure = catchThrowableOfType(ModelFailure.class,
                () -> provider(ModelSettings.builder().maxOutputTokens(50)).write(brief));

        assertThat(failure.reason()).isEqualTo(Reason.TRUNCATED);
    }

    @Test
    void vllmRefusesAPromptAndLimitBeyondItsContextWithAnErrorTheAdapterReads() {
        server.otherwise(LocalServers.vllm(Tier.BOOTSTRAPPER, VLLM_CONTEXT));

        ModelFailure failure = catchThrowableOfType(ModelFailure.class, () -> provider(ModelSettings.builder()).write(brief));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(failure.getMessage()).contains("HTTP 400, BadRequestError").contains("context window")
                .contains("ARTIFACT_LLM_CONTEXT_TOKENS").doesNotContain("you requested");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void withTheContextConfiguredTheLimitIsFittedUnderItAndVllmAnswers() {
        server.otherwise(LocalServers.vllm(Tier.BOOTSTRAPPER, VLLM_CONTEXT));

        ModelReply reply = provider(ModelSettings.builder().contextTokens(VLLM_CONTEXT)).write(brief);

        assertThat(reply.content()).isEqualTo(TestRequests.validContent(ArtifactType.BRIEF, Tier.BOOTSTRAPPER));
        JsonNode sent = server.onlyRequest().json();
        int limit = sent.get("max_tokens").asInt();
        assertThat(limit).isLessThan(8192).isGreaterThanOrEqualTo(1024);
        assertThat(LocalServers.promptTokens(sent) + limit).isLessThanOrEqualTo(VLLM_CONTEXT);
    }

    @Test
    void aPromptThatCannotFitTheContextFailsBeforeAnythingIsSent() {
        server.otherwise(LocalServers.vllm(Tier.BOOTSTRAPPER, VLLM_CONTEXT));
        long promptTokens = Prompts.forRequest(brief).estimatedTokens();
        int tooSmall = (int) promptTokens + 500;

        ModelFailure failure = catchThrowableOfType(ModelFailure.class,
                () -> provider(ModelSettings.builder().contextTokens(tooSmall)).write(brief));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(failure.getMessage()).contains("prompt for the brief").contains("context window of")
                .contains("OLLAMA_CONTEXT_LENGTH");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void draftsArriveInOrderFromTheStreamedContent() {
        server.otherwise(LocalServers.ollama(Tier.BOOTSTRAPPER));
        Map<String, JsonNode> drafts = new LinkedHashMap<>();

        ModelReply reply = provider(ModelSettings.builder()).write(brief, drafts::put);

        assertThat(drafts.keySet()).containsExactlyElementsOf(brief.sections());
        drafts.forEach((section, value) -> assertThat(value).isEqualTo(reply.content().get(section)));
    }

    @Test
    void openAisOwnApiGetsMaxCompletionTokensAndEveryOtherServerMaxTokens() {
        assertThat(ChatRequestBody.outputLimitField(URI.create("https://api.openai.com/v1"))).isEqualTo("max_completion_tokens");
        assertThat(ChatRequestBody.outputLimitField(URI.create("https://API.OpenAI.com/v1/"))).isEqualTo("max_completion_tokens");
        assertThat(ChatRequestBody.outputLimitField(URI.create("http://127.0.0.1:11434/v1"))).isEqualTo("max_tokens");
        assertThat(ChatRequestBody.outputLimitField(URI.create("https://my-vllm.example.com/v1"))).isEqualTo("max_tokens");
        assertThat(ChatRequestBody.outputLimitField(URI.create("https://api.openai.com.evil.example/v1"))).isEqualTo("max_tokens");
    }
}
