package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Streamed answers shaped like the documented CreateChatCompletionStreamResponse chunks (role first, content
 * pieces, the finish reason, then the usage chunk with empty choices that include_usage asks for, then
 * {@code data: [DONE]}), and error objects.
 */
final class OpenAiWire {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int PIECE = 24;

    private OpenAiWire() {
    }

    static List<String> completion(JsonNode content) {
        return completion(content.toString(), "stop", null);
    }

    /** As events, ending in {@code [DONE]}; {@code content} is split into pieces of {@link #PIECE} chars. */
    static List<String> completion(String content, String finishReason, String refusal) {
        return withDone(chunks(content, finishReason, refusal, true).stream().map(OpenAiWire::event).toList());
    }

    /** The chunks, without the final {@code [DONE]}; {@code withUsage} adds the usage chunk. */
    static List<ObjectNode> chunks(String content, String finishReason, String refusal, boolean withUsage) {
        List<ObjectNode> chunks = new ArrayList<>();
        chunks.add(chunk(delta -> delta.put("role", "assistant").put("content", ""), null));
        if (content != null) {
            for (int i = 0; i < content.length(); i += PIECE) {
                String piece = content.substring(i, Math.min(content.length(), i + PIECE));
                chunks.add(chunk(delta -> delta.put("content", piece), null));
            }
        }
        if (refusal != null) {
            chunks.add(chunk(delta -> delta.put("refusal", refusal), null));
        }
        chunks.add(chunk(delta -> { }, finishReason));
        if (withUsage) {
            ObjectNode last = envelope();
            last.putArray("choices");
            ObjectNode usage = last.putObject("usage").put("prompt_tokens", 2_000).put("completion_tokens", 600)
                    .put("total_tokens", 2_600);
            usage.putObject("prompt_tokens_details").put("cached_tokens", 1_536).put("audio_tokens", 0);
            usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                    .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
            chunks.add(last);
        }
        return chunks;
    }

    static String event(ObjectNode chunk) {
        return "data: " + chunk + "\n\n";
    }

    static String done() {
        return "data: [DONE]\n\n";
    }

    static List<String> withDone(List<String> events) {
        List<String> all = new ArrayList<>(events);
        all.add(done());
        return all;
    }

    static ObjectNode error(String type, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error").put("message", message).put("type", type).putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return body;
    }

    /** vLLM's error body: the error object itself at the top level. */
    static ObjectNode vllmError(String message) {
        return JSON.createObjectNode().put("object", "error").put("message", message).put("type", "BadRequestError")
                .putNull("param").put("code", 400);
    }

    private static ObjectNode chunk(java.util.function.Consumer<ObjectNode> delta, String finishReason) {
        ObjectNode chunk = envelope();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        delta.accept(choice.putObject("delta"));
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        chunk.putNull("usage");
        return chunk;
    }

    private static ObjectNode envelope() {
        return JSON.createObjectNode().put("id", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT")
                .put("object", "chat.completion.chunk").put("created", 1_741_569_952)
                .put("model", "gpt-4o-mini-2024-07-18").put("service_tier", "default")
                .put("system_fingerprint", "fp_06737a9306");
    }
}
