package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelFailure.Reason;
import io.artifactpipeline.llm.http.Json;
import io.artifactpipeline.llm.http.ReplyCheck;
import io.artifactpipeline.llm.prompt.Prompt;

/** Reads a Chat Completions response: the first choice's message content is the JSON the model wrote. */
record ChatReply(ObjectNode content, TokenUsage usage) {
    private static final String PROVIDER = "openai";

    static ChatReply read(String responseBody, Prompt prompt) {
        ObjectNode body = Json.responseBody(responseBody, PROVIDER);
        JsonNode choice = body.path("choices").path(0);
        if (!choice.isObject()) {
            throw new ModelFailure(Reason.MALFORMED_OUTPUT, "the openai-compatible server answered without a choice");
        }
        JsonNode message = choice.path("message");
        String refusal = message.path("refusal").isTextual() ? message.path("refusal").asText() : "";
        String finishReason = choice.path("finish_reason").asText("");
        if (!refusal.isBlank() || "content_filter".equals(finishReason)) {
            throw new ModelFailure(Reason.REFUSED, "the model declined to write this document"
                    + ("content_filter".equals(finishReason) ? " (content filter)" : ""));
        }
        if ("length".equals(finishReason)) {
            throw new ModelFailure(Reason.TRUNCATED,
                    "the model ran out of tokens before finishing the document (finish_reason length)");
        }
        if (!message.path("content").isTextual()) {
            throw new ModelFailure(Reason.MALFORMED_OUTPUT, "the model's message has no text content");
        }
        ObjectNode content = ReplyCheck.objectInText(message.path("content").asText(), PROVIDER);
        return new ChatReply(content, usage(body.path("usage"), prompt, content));
    }

    /**
     * prompt_tokens includes the cached ones, so they are split out: TokenUsage counts input and cache reads
     * separately and adds them up for the budget. Local servers that report no usage are estimated.
     */
    private static TokenUsage usage(JsonNode usage, Prompt prompt, ObjectNode content) {
        if (!usage.isObject() || !usage.has("prompt_tokens")) {
            return TokenUsage.of(prompt.estimatedTokens(), (content.toString().length() + 3L) / 4);
        }
        long prompted = Math.max(0, usage.path("prompt_tokens").asLong(0));
        long cached = Math.min(prompted, Math.max(0, usage.path("prompt_tokens_details").path("cached_tokens").asLong(0)));
        return new TokenUsage(prompted - cached, Math.max(0, usage.path("completion_tokens").asLong(0)), cached, 0);
    }
}
