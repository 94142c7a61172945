package io.artifactpipeline.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import org.hibernate.type.descriptor.java.MutableMutabilityPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * How Hibernate copies JSON attributes for dirty checking. Without these, it copies them by Java
 * serialization: slow, and refused outright under a JVM-wide deserialization filter such as the one
 * Helidon installs (no JSON attribute could then be read inside the server).
 */
final class JsonMutability {
    private JsonMutability() {
    }

    /** Jackson trees copy themselves. */
    static final class Node extends MutableMutabilityPlan<JsonNode> {
        @Override
        protected JsonNode deepCopyNotNull(JsonNode value) {
            return value.deepCopy();
        }
    }

    /** Lists of section keys: strings are immutable, so a new list is a deep copy. */
    static final class Strings extends MutableMutabilityPlan<List<String>> {
        @Override
        protected List<String> deepCopyNotNull(List<String> value) {
            return new ArrayList<>(value);
        }
    }
}
