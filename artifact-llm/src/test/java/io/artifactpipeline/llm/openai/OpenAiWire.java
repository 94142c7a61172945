package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Response bodies shaped like the documented CreateChatCompletionResponse and error objects. */
final class OpenAiWire {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiWire() {
    }

    static ObjectNode completion(JsonNode content) {
        return completion(content.toString(), "stop", null);
    }

    static ObjectNode completion(String content, String finishReason, String refusal) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT").put("object", "chat.completion")
                .put("created", 1_741_569_952).put("model", "gpt-4o-mini-2024-07-18");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (content == null) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        if (refusal == null) {
            message.putNull("refusal");
        } else {
            message.put("refusal", refusal);
        }
        message.putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        ObjectNode usage = body.putObject("usage").put("prompt_tokens", 2_000).put("completion_tokens", 600)
                .put("total_tokens", 2_600);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 1_536).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        body.put("service_tier", "default");
        return body;
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
}
