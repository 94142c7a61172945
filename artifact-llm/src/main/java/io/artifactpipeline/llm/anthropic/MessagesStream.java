package io.artifactpipeline.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelFailure.Reason;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.llm.http.Json;
import io.artifactpipeline.llm.http.ServerSentEvent;
import io.artifactpipeline.llm.http.StreamFailure;
import io.artifactpipeline.llm.http.StreamReader;
import io.artifactpipeline.llm.prompt.Prompt;
import io.artifactpipeline.llm.stream.SectionDraftParser;

/**
 * Reads a streamed Messages answer: {@code message_start} (input usage), the forced tool's
 * {@code content_block_start} and its {@code input_json_delta}s (the content, fed to the draft parser as it
 * arrives), {@code message_delta} (stop reason, output usage), {@code message_stop}. {@code ping} and other
 * blocks are skipped; an {@code error} event is the provider's failure, judged by the transport.
 */
final class MessagesStream implements StreamReader<ModelReply> {
    private final String toolName;
    private final Prompt prompt;
    private final SectionDraftParser drafts;
    private final StringBuilder input = new StringBuilder();
    private int toolBlock = -1;
    private String stopReason;
    private boolean stopped;
    private long inputTokens = -1; // -1: the stream reported no usage
    private long outputTokens;
    private long cacheReadTokens;
    private long cacheCreationTokens;

    MessagesStream(String toolName, Prompt prompt, SectionDraftParser drafts) {
        this.toolName = toolName;
        this.prompt = prompt;
        this.drafts = drafts;
    }

    @Override
    public void accept(ServerSentEvent event) {
        if (!(Json.parseOrNull(event.data()) instanceof ObjectNode data)) {
            throw new ModelFailure(Reason.MALFORMED_OUTPUT, "the anthropic stream carried an event that is not a JSON object");
        }
        switch (data.path("type").asText(event.event())) {
            case "error" -> throw StreamFailure.errorEvent(data.path("error"));
            case "message_start" -> count(data.path("message").path("usage"));
            case "content_block_start" -> {
                JsonNode block = data.path("content_block");
                if ("tool_use".equals(block.path("type").asText()) && toolName.equals(block.path("name").asText())) {
                    toolBlock = data.path("index").asInt(-1);
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");
                if (data.path("index").asInt(-2) == toolBlock && "input_json_delta".equals(delta.path("type").asText())) {
                    String piece = delta.path("partial_json").asText("");
                    input.append(piece);
                    drafts.feed(piece);
                }
            }
            case "message_delta" -> {
                stopReason = data.path("delta").path("stop_reason").asText(null);
                count(data.path("usage"));
            }
            case "message_stop" -> stopped = true;
            default -> {
                // ping, content_block_stop, text or thinking blocks, and event types added later: nothing to take
            }
        }
    }

    @Override
    public boolean finished() {
        return stopped;
    }

    @Override
    public ModelReply result() {
        if (stopReason == null) {
            throw StreamFailure.cutShort();
        }
        switch (stopReason) {
            // Billed all the same: the budget counts what the provider charges for.
            case "max_tokens", "model_context_window_exceeded" -> throw new ModelFailure(Reason.TRUNCATED,
                    "the anthropic model ran out of tokens before finishing the document (stop_reason " + stopReason + ")",
                    usage(input.toString()));
            case "refusal" -> throw new ModelFailure(Reason.REFUSED, "the anthropic model declined to write this document",
                    usage(input.toString()));
            default -> {
            }
        }
        if (toolBlock < 0) {
            throw new ModelFailure(Reason.MALFORMED_OUTPUT,
                    "the anthropic model answered without calling " + toolName + " (stop_reason " + stopReason + ")");
        }
        // A tool called with no input streams no delta at all: its input is the empty object.
        String text = input.isEmpty() ? "{}" : input.toString();
        if (!(Json.parseOrNull(text) instanceof ObjectNode content)) {
            throw new ModelFailure(Reason.MALFORMED_OUTPUT, "the anthropic model's tool input is not a JSON object");
        }
        return new ModelReply(content, usage(text));
    }

    /** message_start carries the input side; message_delta's counts are cumulative and win where present. */
    private void count(JsonNode reported) {
        inputTokens = counted(reported, "input_tokens", inputTokens);
        outputTokens = counted(reported, "output_tokens", outputTokens);
        cacheReadTokens = counted(reported, "cache_read_input_tokens", cacheReadTokens);
        cacheCreationTokens = counted(reported, "cache_creation_input_tokens", cacheCreationTokens);
    }

    private static long counted(JsonNode reported, String field, long current) {
        return reported.path(field).isNumber() ? Math.max(0, reported.path(field).asLong()) : current;
    }

    /** A stream without usage (a proxy that drops it) is estimated, so that budgets still count it. */
    private TokenUsage usage(String written) {
        if (inputTokens < 0) {
            return TokenUsage.of(prompt.estimatedTokens(), (written.length() + 3L) / 4);
        }
        return new TokenUsage(inputTokens, outputTokens, cacheReadTokens, cacheCreationTokens);
    }
}
