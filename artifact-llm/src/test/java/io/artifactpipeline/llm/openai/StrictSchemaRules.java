package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The rules OpenAI's strict structured outputs put on a schema, checked over a whole schema tree. */
final class StrictSchemaRules {
    private StrictSchemaRules() {
    }

    static List<String> violations(JsonNode schema) {
        List<String> out = new ArrayList<>();
        walk(schema, "#", out);
        return out;
    }

    private static void walk(JsonNode schema, String path, List<String> out) {
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!StrictSchema.KEPT_KEYWORDS.contains(key)) {
                out.add(path + ": keyword " + key + " is not kept in strict mode");
            }
        }
        if ("object".equals(schema.path("type").asText())) {
            if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
                out.add(path + ": additionalProperties must be false");
            }
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            if (!required.equals(properties)) {
                out.add(path + ": required " + required + " must list every property " + properties);
            }
            schema.path("properties").fields().forEachRemaining(p -> walk(p.getValue(), path + "/" + p.getKey(), out));
        }
        if (schema.has("items")) {
            walk(schema.get("items"), path + "/items", out);
        }
    }
}
