package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Adapts an artifact schema to the rules of OpenAI's strict structured outputs: every object lists all its
 * properties as required and sets {@code additionalProperties: false}, and only keywords every strict
 * implementation accepts are kept (type, properties, required, items, enum, description). Length, count and
 * minimum bounds are dropped: OpenAI accepted none of them when strict mode appeared and OpenAI-compatible
 * servers still differ. Nothing is lost: the prompt states the bounds in words and every reply is validated.
 */
final class StrictSchema {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final Set<String> KEPT_KEYWORDS =
            Set.of("type", "properties", "required", "additionalProperties", "items", "enum", "description");

    private StrictSchema() {
    }

    static ObjectNode of(ObjectNode schema) {
        ObjectNode strict = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "type", "enum", "description" -> strict.set(field.getKey(), field.getValue().deepCopy());
                case "items" -> strict.set("items", of((ObjectNode) field.getValue()));
                default -> {
                    // properties/required/additionalProperties are rebuilt below; everything else is dropped.
                }
            }
        }
        if (schema.get("properties") instanceof ObjectNode properties) {
            ObjectNode strictProperties = strict.putObject("properties");
            ArrayNode required = strict.putArray("required");
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                strictProperties.set(property.getKey(), of((ObjectNode) property.getValue()));
                required.add(property.getKey());
            }
        }
        if ("object".equals(schema.path("type").asText())) {
            strict.put("additionalProperties", false);
        }
        return strict;
    }
}
