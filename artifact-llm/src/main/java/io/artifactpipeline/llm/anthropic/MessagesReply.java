package io.artifactpipeline.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelFailure.Reason;
import io.artifactpipeline.llm.http.Json;
import io.artifactpipeline.llm.prompt.Prompt;

/** Reads a Messages API response: the forced tool's input is the content; the stop reason says what went wrong. */
record MessagesReply(ObjectNode content, TokenUsage usage) {
    private static final String PROVIDER = "anthropic";

    static MessagesReply read(String responseBody, String toolName, Prompt prompt) {
        ObjectNode body = Json.responseBody(responseBody, PROVIDER);
        String stopReason = body.path("stop_reason").asText("");
        switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> throw new ModelFailure(Reason.TRUNCATED,
                    "the anthropic model ran out of tokens before finishing the document (stop_reason " + stopReason + ")");
            case "refusal" -> throw new ModelFailure(Reason.REFUSED, "the anthropic model declined to write this document");
            default -> {
            }
        }
        ObjectNode input = null;
        for (JsonNode block : body.path("content")) {
            if ("tool_use".equals(block.path("type").asText()) && toolName.equals(block.path("name").asText())
                    && block.get("input") instanceof ObjectNode object) {
                input = object;
                break;
            }
        }
        if (input == null) {
            throw new ModelFailure(Reason.MALFORMED_OUTPUT,
                    "the anthropic model answered without calling " + toolName + " (stop_reason " + stopReason + ")");
        }
        return new MessagesReply(input, usage(body.path("usage"), prompt, input));
    }

    /**
     * Anthropic counts uncached input, cache reads and cache writes separately, which is what TokenUsage
     * holds. A response without usage (a proxy that drops it) is estimated so that budgets still count it.
     */
    private static TokenUsage usage(JsonNode usage, Prompt prompt, ObjectNode content) {
        if (!usage.isObject() || !usage.has("input_tokens")) {
            return TokenUsage.of(prompt.estimatedTokens(), (content.toString().length() + 3L) / 4);
        }
        return new TokenUsage(count(usage, "input_tokens"), count(usage, "output_tokens"),
                count(usage, "cache_read_input_tokens"), count(usage, "cache_creation_input_tokens"));
    }

    private static long count(JsonNode usage, String field) {
        return Math.max(0, usage.path(field).asLong(0));
    }
}
