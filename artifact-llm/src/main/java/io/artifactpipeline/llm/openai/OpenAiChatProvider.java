package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.port.SectionDrafts;
import io.artifactpipeline.llm.ModelSettings;
import io.artifactpipeline.llm.http.Endpoints;
import io.artifactpipeline.llm.http.Json;
import io.artifactpipeline.llm.http.ModelTransport;
import io.artifactpipeline.llm.http.ReplyCheck;
import io.artifactpipeline.llm.prompt.OutputLimit;
import io.artifactpipeline.llm.prompt.Prompt;
import io.artifactpipeline.llm.prompt.Prompts;
import io.artifactpipeline.llm.stream.SectionDraftParser;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Writes artifacts with any server speaking OpenAI Chat Completions ({@code POST {base}/chat/completions}):
 * OpenAI, Ollama, vLLM, llama.cpp server. Structured output through {@code response_format} json_schema in
 * strict mode, the answer streamed; the key is optional (local servers need none). Retries, time limits and
 * the cap on calls in flight are the transport's; every reply is validated against the schema.
 */
public final class OpenAiChatProvider implements LanguageModel {
    private final ModelSettings settings;
    private final ModelTransport transport;
    private final URI endpoint;

    public OpenAiChatProvider(ModelSettings settings) {
        this(settings, ModelTransport.create("openai-compatible", settings.baseUrl(), settings.callTimeouts(),
                settings.maxConcurrency()));
    }

    /** With a transport of the caller's (tests use one with a fast retry clock). */
    public OpenAiChatProvider(ModelSettings settings, ModelTransport transport) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        if (settings.provider() != ModelSettings.Provider.OPENAI) {
            throw new IllegalArgumentException("these settings are for the " + settings.provider().configName() + " provider");
        }
        // The configured base includes the version (https://api.openai.com/v1, http://127.0.0.1:11434/v1).
        this.endpoint = Endpoints.resolve(settings.baseUrl(), null, "chat/completions");
    }

    @Override
    public ModelReply write(ModelRequest request) {
        return write(request, SectionDrafts.ignored());
    }

    /** Reports each top-level section of the JSON the model writes as soon as the stream has carried all of it. */
    @Override
    public ModelReply write(ModelRequest request, SectionDrafts drafts) {
        Prompt prompt = Prompts.forRequest(request);
        ObjectNode body = body(request, prompt);
        Map<String, String> headers = settings.hasApiKey()
                ? Map.of("authorization", "Bearer " + settings.apiKey())
                : Map.of();
        ModelReply reply = transport.stream(endpoint, headers, Json.write(body),
                () -> new ChatStream(prompt, new SectionDraftParser(drafts)));
        ReplyCheck.validate(request, reply.content(), "openai-compatible");
        return reply;
    }

    /** The prompt as sent plus the output limit it asks for: what the call can cost at most. */
    @Override
    public OptionalLong worstCaseTokens(ModelRequest request) {
        ObjectNode body = body(request, Prompts.forRequest(request));
        return OptionalLong.of(OutputLimit.estimateTokens(Json.write(body))
                + body.get(ChatRequestBody.outputLimitField(settings.baseUrl())).asLong());
    }

    private ObjectNode body(ModelRequest request, Prompt prompt) {
        ObjectNode body = ChatRequestBody.build(request, prompt, settings.modelFor(request.tier()), settings.temperature());
        return body.put(ChatRequestBody.outputLimitField(settings.baseUrl()), OutputLimit.fit(settings.maxOutputTokens(),
                settings.contextTokens(), OutputLimit.estimateTokens(Json.write(body)), request.type().wireName()));
    }

    @Override
    public String toString() {
        return "OpenAiChatProvider[" + endpoint + "]";
    }
}
