package io.artifactpipeline.core.schema;

import java.util.Objects;

/** One broken rule: where (a JSON Pointer into the content, or a field name) and what is wrong. */
public record Violation(String path, String message) {
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
