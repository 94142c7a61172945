package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelFailure.Reason;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.llm.http.Json;
import io.artifactpipeline.llm.http.ReplyCheck;
import io.artifactpipeline.llm.http.ServerSentEvent;
import io.artifactpipeline.llm.http.StreamFailure;
import io.artifactpipeline.llm.http.StreamReader;
import io.artifactpipeline.llm.prompt.Prompt;
import io.artifactpipeline.llm.stream.SectionDraftParser;

/**
 * Reads a streamed Chat Completions answer: {@code chat.completion.chunk}s whose first choice's
 * {@code delta.content} pieces make the JSON the model writes (fed to the draft parser as they arrive), a
 * {@code finish_reason}, the usage chunk ({@code choices: []}) that {@code stream_options.include_usage} asks
 * for, and {@code data: [DONE]}. A chunk carrying {@code error} is the server's failure, judged by the transport.
 */
final class ChatStream implements StreamReader<ModelReply> {
    private static final String PROVIDER = "openai";

    private final Prompt prompt;
    private final SectionDraftParser drafts;
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder refusal = new StringBuilder();
    private String finishReason;
    private JsonNode usage;
    private boolean done;

    ChatStream(Prompt prompt, SectionDraftParser drafts) {
        this.prompt = prompt;
        this.drafts = drafts;
    }

    @Override
    public void accept(ServerSentEvent event) {
        if ("[DONE]".equals(event.data().strip())) {
            done = true;
            return;
        }
        if (!(Json.parseOrNull(event.data()) instanceof ObjectNode chunk)) {
            throw new ModelFailure(Reason.MALFORMED_OUTPUT, "the openai-compatible stream carried a chunk that is not a JSON object");
        }
        if (chunk.path("error").isObject()) {
            throw StreamFailure.errorEvent(chunk.get("error"));
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        if (delta.path("content").isTextual()) {
            String piece = delta.get("content").asText();
            content.append(piece);
            drafts.feed(piece);
        }
        if (delta.path("refusal").isTextual()) {
            refusal.append(delta.get("refusal").asText());
        }
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.get("finish_reason").asText();
        }
        if (chunk.path("usage").isObject()) {
            usage = chunk.get("usage");
        }
    }

    @Override
    public boolean finished() {
        return done;
    }

    @Override
    public ModelReply result() {
        if (finishReason == null) {
            throw StreamFailure.cutShort();
        }
        if (!refusal.isEmpty() || "content_filter".equals(finishReason)) {
            // Billed all the same: the budget counts what the provider charges for.
            throw new ModelFailure(Reason.REFUSED, "the model declined to write this document"
                    + ("content_filter".equals(finishReason) ? " (content filter)" : ""), usage(content.toString()));
        }
        if ("length".equals(finishReason)) {
            throw new ModelFailure(Reason.TRUNCATED,
                    "the model ran out of tokens before finishing the document (finish_reason length)",
                    usage(content.toString()));
        }
        if (content.isEmpty()) {
            throw new ModelFailure(Reason.MALFORMED_OUTPUT, "the model's message has no text content");
        }
        ObjectNode object = ReplyCheck.objectInText(content.toString(), PROVIDER);
        return new ModelReply(object, usage(content.toString()));
    }

    /**
     * prompt_tokens includes the cached ones, so they are split out: TokenUsage counts input and cache reads
     * separately and adds them up for the budget. Servers that report no usage are estimated.
     */
    private TokenUsage usage(String written) {
        if (usage == null || !usage.has("prompt_tokens")) {
            return TokenUsage.of(prompt.estimatedTokens(), (written.length() + 3L) / 4);
        }
        long prompted = Math.max(0, usage.path("prompt_tokens").asLong(0));
        long cached = Math.min(prompted, Math.max(0, usage.path("prompt_tokens_details").path("cached_tokens").asLong(0)));
        return new TokenUsage(prompted - cached, Math.max(0, usage.path("completion_tokens").asLong(0)), cached, 0);
    }
}
