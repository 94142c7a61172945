package io.artifactpipeline.persistence;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;

import java.util.EnumMap;
import java.util.Map;

/**
 * The written-from column: dependency wire name → revision number, as a JSON object ({@code {"brief": 3}}),
 * so that it reads the same in SQL as on the wire. A missing value (a row older than the column) is empty.
 */
final class WrittenFrom {
    private WrittenFrom() {
    }

    static ObjectNode column(Map<ArtifactType, Integer> writtenFrom) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        writtenFrom.forEach((type, revision) -> node.put(type.wireName(), revision));
        return node;
    }

    static Map<ArtifactType, Integer> value(ObjectNode column) {
        Map<ArtifactType, Integer> writtenFrom = new EnumMap<>(ArtifactType.class);
        if (column != null) {
            column.properties().forEach(entry -> ArtifactType.fromWireName(entry.getKey())
                    .ifPresent(type -> writtenFrom.put(type, entry.getValue().asInt())));
        }
        return writtenFrom;
    }
}
