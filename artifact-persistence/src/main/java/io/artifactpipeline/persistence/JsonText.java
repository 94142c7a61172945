package io.artifactpipeline.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.SQLException;
import java.util.List;

/**
 * JSON column values as text and back, for the statements written in plain JDBC (see
 * {@link Vendor#jsonParameter()}); a value that does not parse is a failed read ({@link SQLException}).
 */
final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    static ObjectNode object(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new SQLException("a JSON column does not hold an object", e);
        }
    }

    static ArrayNode array(String json) throws SQLException {
        try {
            return (ArrayNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new SQLException("a JSON column does not hold an array", e);
        }
    }

    static List<String> strings(String json) throws SQLException {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new SQLException("the edited sections column does not hold a list of strings", e);
        }
    }
}
