package io.artifactpipeline.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Response bodies shaped like the Messages API's documented ones. */
final class AnthropicWire {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicWire() {
    }

    static ObjectNode toolUse(String toolName, JsonNode input) {
        ObjectNode message = envelope("tool_use");
        message.putArray("content").addObject()
                .put("type", "tool_use").put("id", "toolu_01A09q90qw90lq917835lq9").put("name", toolName)
                .set("input", input);
        return message;
    }

    static ObjectNode text(String text, String stopReason) {
        ObjectNode message = envelope(stopReason);
        message.putArray("content").addObject().put("type", "text").put("text", text);
        return message;
    }

    static ObjectNode error(String type, String message) {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        return body;
    }

    private static ObjectNode envelope(String stopReason) {
        ObjectNode message = JSON.createObjectNode()
                .put("id", "msg_013Zva2CMHLNnXjNJJKqJ2EF").put("type", "message").put("role", "assistant")
                .put("model", "claude-sonnet-4-5-20250929").put("stop_reason", stopReason).putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 320).put("cache_creation_input_tokens", 1450)
                .put("cache_read_input_tokens", 2048).put("output_tokens", 512);
        return message;
    }
}
