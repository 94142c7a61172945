package io.artifactpipeline.core.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * One difference between two contents, at the smallest value that differs. {@code path} is a JSON
 * Pointer (RFC 6901) to an object member or array element.
 */
public sealed interface Change {

    String path();

    /** {@code added}, {@code removed} or {@code changed}, as on the wire. */
    String op();

    /** A value only the newer content has. */
    record Added(String path, JsonNode after) implements Change {
        public Added {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(after, "after");
        }

        @Override
        public String op() {
            return "added";
        }
    }

    /** A value only the older content has. */
    record Removed(String path, JsonNode before) implements Change {
        public Removed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(before, "before");
        }

        @Override
        public String op() {
            return "removed";
        }
    }

    /**
     * A value both have, changed (also from one JSON type to another). When both are strings,
     * {@code segments} is their word-level diff; otherwise it is empty.
     */
    record Changed(String path, JsonNode before, JsonNode after, List<Segment> segments) implements Change {
        public Changed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            segments = List.copyOf(segments);
        }

        @Override
        public String op() {
            return "changed";
        }
    }
}
