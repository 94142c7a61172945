package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.llm.StubServer.Answer;
import io.artifactpipeline.llm.StubServer.Captured;
import io.artifactpipeline.llm.TestRequests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Stand-ins for local OpenAI-compatible servers, each with the behaviour that matters here. Their "tokens"
 * are four characters of message text; the answer is the valid content of the type named in the schema.
 */
final class LocalServers {
    private LocalServers() {
    }

    /**
     * Ollama's OpenAI endpoint: the output limit is {@code max_tokens} only ({@code max_completion_tokens} is
     * not read; without a limit it writes until done). An answer longer than the limit stops with
     * {@code finish_reason: length}. Usage comes only when {@code stream_options.include_usage} asks for it.
     */
    static Function<Captured, Answer> ollama(Tier tier) {
        return request -> {
            JsonNode body = request.json();
            int limit = body.path("max_tokens").asInt(Integer.MAX_VALUE);
            return answer(content(body, tier), limit, body.at("/stream_options/include_usage").asBoolean(false));
        };
    }

    /**
     * vLLM with {@code --max-model-len contextTokens}: reads {@code max_completion_tokens}, else {@code max_tokens},
     * else fills the context; when the prompt and the limit together exceed the context it answers 400 with its
     * top-level error body.
     */
    static Function<Captured, Answer> vllm(Tier tier, int contextTokens) {
        return request -> {
            JsonNode body = request.json();
            int prompt = promptTokens(body);
            int limit = body.has("max_completion_tokens") ? body.get("max_completion_tokens").asInt()
                    : body.has("max_tokens") ? body.get("max_tokens").asInt() : contextTokens - prompt;
            if (prompt + limit > contextTokens) {
                return Answer.json(400, OpenAiWire.vllmError("This model's maximum context length is " + contextTokens
                        + " tokens. However, you requested " + (prompt + limit) + " tokens (" + prompt
                        + " in the messages, " + limit + " in the completion). Please reduce the length of the "
                        + "messages or completion."));
            }
            return answer(content(body, tier), limit, true);
        };
    }

    static int promptTokens(JsonNode body) {
        int chars = 0;
        for (JsonNode message : body.path("messages")) {
            chars += message.path("content").asText().length();
        }
        return (chars + 3) / 4;
    }

    private static String content(JsonNode body, Tier tier) {
        ArtifactType type = ArtifactType.fromWireName(body.at("/response_format/json_schema/name").asText()).orElseThrow();
        return TestRequests.validContent(type, tier).toString();
    }

    private static Answer answer(String content, int limitTokens, boolean withUsage) {
        long limitChars = 4L * limitTokens;
        boolean cut = content.length() > limitChars;
        String written = cut ? content.substring(0, (int) limitChars) : content;
        List<String> events = new ArrayList<>();
        for (ObjectNode chunk : OpenAiWire.chunks(written, cut ? "length" : "stop", null, withUsage)) {
            events.add(OpenAiWire.event(chunk.put("model", "qwen2.5:7b").put("system_fingerprint", "fp_ollama")));
        }
        events.add(OpenAiWire.done());
        return Answer.events(events);
    }
}
