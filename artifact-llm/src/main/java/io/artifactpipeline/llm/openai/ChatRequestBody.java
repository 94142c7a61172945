package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.llm.http.Json;
import io.artifactpipeline.llm.prompt.Prompt;

import java.net.URI;

/**
 * The body of {@code POST {base}/chat/completions}: strict json_schema output, a streamed answer with usage in
 * its last chunk, a temperature (Ollama's OpenAI endpoint otherwise forces 1.0), and the output limit in the
 * field the server reads: {@code max_completion_tokens} for OpenAI's own API, which deprecated
 * {@code max_tokens} and refuses it for reasoning models; {@code max_tokens} everywhere else, because Ollama's
 * OpenAI-compatible endpoint reads only that one (vLLM and llama.cpp read both).
 */
final class ChatRequestBody {
    static final String OPENAI_HOST = "api.openai.com";

    private ChatRequestBody() {
    }

    /** Everything but the output limit, which is fitted to the size of the rest. */
    static ObjectNode build(ModelRequest request, Prompt prompt, String model, double temperature) {
        ObjectNode body = Json.object();
        body.put("model", model);
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
        body.put("temperature", temperature);
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        return body;
    }

    /** The name of the output limit field for the server at this base URL. */
    static String outputLimitField(URI baseUrl) {
        return OPENAI_HOST.equalsIgnoreCase(baseUrl.getHost()) ? "max_completion_tokens" : "max_tokens";
    }
}
