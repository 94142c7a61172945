package io.artifactpipeline.llm.anthropic;

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
 * Writes artifacts with Anthropic's Messages API ({@code POST {base}/v1/messages}), structured output through
 * a forced tool, the answer streamed. Retries, time limits and the cap on calls in flight are the transport's;
 * every reply is validated against the schema (see {@link ReplyCheck} for what happens to invalid ones).
 */
public final class AnthropicMessagesProvider implements LanguageModel {
    static final String API_VERSION = "2023-06-01";

    private final ModelSettings settings;
    private final ModelTransport transport;
    private final URI endpoint;

    public AnthropicMessagesProvider(ModelSettings settings) {
        this(settings, ModelTransport.create("anthropic", settings.baseUrl(), settings.callTimeouts(),
                settings.maxConcurrency()));
    }

    /** With a transport of the caller's (tests use one with a fast retry clock). */
    public AnthropicMessagesProvider(ModelSettings settings, ModelTransport transport) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        if (settings.provider() != ModelSettings.Provider.ANTHROPIC) {
            throw new IllegalArgumentException("these settings are for the " + settings.provider().configName() + " provider");
        }
        this.endpoint = Endpoints.resolve(settings.baseUrl(), "v1", "messages");
    }

    @Override
    public ModelReply write(ModelRequest request) {
        return write(request, SectionDrafts.ignored());
    }

    /** Reports each top-level section of the tool's input as soon as the stream has carried all of it. */
    @Override
    public ModelReply write(ModelRequest request, SectionDrafts drafts) {
        Prompt prompt = Prompts.forRequest(request);
        String toolName = MessagesRequestBody.toolName(request);
        ObjectNode body = body(request, prompt);
        ModelReply reply = transport.stream(endpoint,
                Map.of("x-api-key", settings.apiKey(), "anthropic-version", API_VERSION), Json.write(body),
                () -> new MessagesStream(toolName, prompt, new SectionDraftParser(drafts)));
        ReplyCheck.validate(request, reply.content(), "anthropic");
        return reply;
    }

    /** The prompt as sent plus the output limit it asks for: what the call can cost at most. */
    @Override
    public OptionalLong worstCaseTokens(ModelRequest request) {
        ObjectNode body = body(request, Prompts.forRequest(request));
        return OptionalLong.of(OutputLimit.estimateTokens(Json.write(body)) + body.get("max_tokens").asLong());
    }

    private ObjectNode body(ModelRequest request, Prompt prompt) {
        ObjectNode body = MessagesRequestBody.build(request, prompt, settings.modelFor(request.tier()),
                settings.temperature());
        return body.put("max_tokens", OutputLimit.fit(settings.maxOutputTokens(), settings.contextTokens(),
                OutputLimit.estimateTokens(Json.write(body)), request.type().wireName()));
    }

    @Override
    public String toString() {
        return "AnthropicMessagesProvider[" + endpoint + "]";
    }
}
