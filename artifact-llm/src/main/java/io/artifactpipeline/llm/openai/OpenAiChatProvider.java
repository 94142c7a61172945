package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.llm.ModelSettings;
import io.artifactpipeline.llm.http.Endpoints;
import io.artifactpipeline.llm.http.Json;
import io.artifactpipeline.llm.http.ModelTransport;
import io.artifactpipeline.llm.http.ReplyCheck;
import io.artifactpipeline.llm.prompt.Prompt;
import io.artifactpipeline.llm.prompt.Prompts;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Writes artifacts with any server speaking OpenAI Chat Completions ({@code POST {base}/chat/completions}):
 * OpenAI, Ollama, vLLM, llama.cpp server. Structured output through {@code response_format} json_schema in
 * strict mode; the key is optional (local servers need none). Retries, timeouts and the cap on calls in
 * flight are the transport's; every reply is validated against the schema.
 */
public final class OpenAiChatProvider implements LanguageModel {
    private final ModelSettings settings;
    private final ModelTransport transport;
    private final URI endpoint;

    public OpenAiChatProvider(ModelSettings settings) {
        this(settings, ModelTransport.create("openai-compatible", settings.baseUrl(), settings.timeout(),
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
        Prompt prompt = Prompts.forRequest(request);
        String body = Json.write(body(request, prompt));
        Map<String, String> headers = settings.hasApiKey()
                ? Map.of("authorization", "Bearer " + settings.apiKey())
                : Map.of();
        ChatReply reply = ChatReply.read(transport.postJson(endpoint, headers, body), prompt);
        ReplyCheck.validate(request, reply.content(), "openai-compatible");
        return new ModelReply(reply.content(), reply.usage());
    }

    private ObjectNode body(ModelRequest request, Prompt prompt) {
        ObjectNode body = Json.object();
        body.put("model", settings.modelFor(request.tier()));
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.system());
        // One string, not content parts: the form every OpenAI-compatible server accepts. The project context
        // comes first so that the five calls of a generation share a prefix for automatic prompt caching.
        messages.addObject().put("role", "user").put("content", prompt.userText());
        ObjectNode format = body.putObject("response_format").put("type", "json_schema");
        format.putObject("json_schema")
                .put("name", request.type().wireName())
                .put("strict", true)
                .set("schema", StrictSchema.of(request.schema()));
        body.put("max_completion_tokens", settings.maxOutputTokens());
        return body;
    }

    @Override
    public String toString() {
        return "OpenAiChatProvider[" + endpoint + "]";
    }
}
