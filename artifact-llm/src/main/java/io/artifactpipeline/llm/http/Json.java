package io.artifactpipeline.llm.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.port.ModelFailure;

/** The JSON both network providers read and write, with failures that say what was malformed, not the text. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** A provider's response body as an object; anything else is {@code MALFORMED_OUTPUT}. */
    public static ObjectNode responseBody(String body, String provider) {
        if (parseOrNull(body) instanceof ObjectNode object) {
            return object;
        }
        throw new ModelFailure(ModelFailure.Reason.MALFORMED_OUTPUT,
                "the " + provider + " provider's response was not a JSON object");
    }

    /** The parsed text, or null when it is not JSON at all. */
    public static JsonNode parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
