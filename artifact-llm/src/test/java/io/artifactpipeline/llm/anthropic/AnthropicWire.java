package io.artifactpipeline.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Streamed Messages answers shaped as Anthropic documents them (streaming guide): message_start,
 * content_block_start, ping, input_json_delta or text_delta pieces, content_block_stop, message_delta with
 * the stop reason and cumulative usage, message_stop; and the error body and error event.
 */
final class AnthropicWire {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int PIECE = 40;

    private AnthropicWire() {
    }

    /** The events of a forced tool call whose input is {@code input}, split into pieces of {@link #PIECE} chars. */
    static List<String> toolUse(String toolName, JsonNode input) {
        return toolUse(toolName, input.toString(), "tool_use");
    }

    static List<String> toolUse(String toolName, String inputJson, String stopReason) {
        List<String> events = new ArrayList<>();
        events.add(messageStart());
        ObjectNode start = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        start.putObject("content_block").put("type", "tool_use").put("id", "toolu_01A09q90qw90lq917835lq9")
                .put("name", toolName).putObject("input");
        events.add(event("content_block_start", start));
        events.add(event("ping", JSON.createObjectNode().put("type", "ping")));
        for (String piece : pieces(inputJson)) {
            ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
            events.add(event("content_block_delta", delta));
        }
        events.addAll(end(stopReason));
        return events;
    }

    /** A text answer (no tool call), e.g. a refusal. */
    static List<String> text(String text, String stopReason) {
        List<String> events = new ArrayList<>();
        events.add(messageStart());
        ObjectNode start = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        start.putObject("content_block").put("type", "text").put("text", "");
        events.add(event("content_block_start", start));
        ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
        delta.putObject("delta").put("type", "text_delta").put("text", text);
        events.add(event("content_block_delta", delta));
        events.addAll(end(stopReason));
        return events;
    }

    static String errorEvent(String type, String message) {
        return event("error", error(type, message));
    }

    static ObjectNode error(String type, String message) {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        return body;
    }

    static String event(String name, JsonNode data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < text.length(); i += PIECE) {
            pieces.add(text.substring(i, Math.min(text.length(), i + PIECE)));
        }
        return pieces;
    }

    private static String messageStart() {
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message").put("id", "msg_013Zva2CMHLNnXjNJJKqJ2EF").put("type", "message")
                .put("role", "assistant").put("model", "claude-sonnet-4-5-20250929");
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 320).put("cache_creation_input_tokens", 1450)
                .put("cache_read_input_tokens", 2048).put("output_tokens", 1);
        return event("message_start", start);
    }

    private static List<String> end(String stopReason) {
        ObjectNode delta = JSON.createObjectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", 512);
        return List.of(
                event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0)),
                event("message_delta", delta),
                event("message_stop", JSON.createObjectNode().put("type", "message_stop")));
    }
}
