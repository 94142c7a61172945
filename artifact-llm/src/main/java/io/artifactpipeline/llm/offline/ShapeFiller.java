package io.artifactpipeline.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.schema.SectionSpec;
import io.artifactpipeline.core.schema.Shape;

/**
 * Fills a section that no hand-written draft covers (one added to the schemas later) from its declared shape
 * and description, so the offline provider keeps writing valid content when the schemas grow.
 */
final class ShapeFiller {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ShapeFiller() {
    }

    static JsonNode fill(SectionSpec section, DraftMaterial m) {
        return value(section.shape(), section.description() + " (Not drafted offline for \"" + m.shortIdea() + "\".)");
    }

    private static JsonNode value(Shape shape, String text) {
        return switch (shape) {
            case Shape.Text ignored -> JSON.textNode(text);
            case Shape.Int integer -> JSON.numberNode(Math.max(integer.minimum(), 1));
            case Shape.Choice choice -> JSON.textNode(choice.values().getFirst());
            case Shape.Record record -> {
                ObjectNode object = JSON.objectNode();
                record.fields().forEach(f -> object.set(f.name(), value(f.shape(), text)));
                yield object;
            }
            case Shape.ListOf list -> {
                ArrayNode array = JSON.arrayNode();
                for (int i = 0; i < Math.max(1, list.minItems()) && i < list.maxItems(); i++) {
                    array.add(value(list.item(), text));
                }
                yield array;
            }
        };
    }
}
