package io.artifactpipeline.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.List;

/** JSON column values as text, for the statements written in plain JDBC (see {@link Vendor#jsonParameter()}). */
final class JsonText {
    private JsonText() {
    }

    static String of(JsonNode node) {
        return node == null ? null : node.toString();
    }

    static String of(List<String> strings) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(strings.size());
        strings.forEach(array::add);
        return array.toString();
    }
}
