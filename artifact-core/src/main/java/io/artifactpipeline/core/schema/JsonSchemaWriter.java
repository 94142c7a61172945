package io.artifactpipeline.core.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.Tier;

/**
 * Turns a declared schema into JSON Schema (draft 2020-12 subset that model providers accept):
 * closed objects, every declared field required, bounds on arrays, strings and integers.
 */
final class JsonSchemaWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonSchemaWriter() {
    }

    static ObjectNode write(ArtifactSchema schema, Tier tier) {
        ObjectNode root = JSON.objectNode();
        root.put("type", "object");
        root.put("title", schema.type().wireName());
        ObjectNode properties = root.putObject("properties");
        ArrayNode required = root.putArray("required");
        for (SectionSpec section : schema.sectionsFor(tier)) {
            ObjectNode property = shape(section.shape());
            property.put("description", section.description());
            properties.set(section.key(), property);
            required.add(section.key());
        }
        root.put("additionalProperties", false);
        return root;
    }

    static ObjectNode shape(Shape shape) {
        ObjectNode node = JSON.objectNode();
        switch (shape) {
            case Shape.Text ignored -> node.put("type", "string").put("minLength", 1);
            case Shape.Int integer -> node.put("type", "integer").put("minimum", integer.minimum());
            case Shape.Choice choice -> {
                node.put("type", "string");
                ArrayNode values = node.putArray("enum");
                choice.values().forEach(values::add);
            }
            case Shape.Record record -> {
                node.put("type", "object");
                ObjectNode properties = node.putObject("properties");
                ArrayNode required = node.putArray("required");
                for (Shape.Field field : record.fields()) {
                    properties.set(field.name(), shape(field.shape()));
                    required.add(field.name());
                }
                node.put("additionalProperties", false);
            }
            case Shape.ListOf list -> {
                node.put("type", "array");
                node.set("items", shape(list.item()));
                if (list.minItems() > 0) {
                    node.put("minItems", list.minItems());
                }
                node.put("maxItems", list.maxItems());
            }
        }
        return node;
    }
}
