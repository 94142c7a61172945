package io.artifactpipeline.core.model;

import java.util.Objects;

/** Why an artifact failed: a stable machine code and a human message. */
public record ArtifactError(String code, String message) {
    public static final String DEPENDENCY_FAILED = "dependency_failed";
    public static final String DEPENDENCY_MISSING = "dependency_missing";
    public static final String INVALID_OUTPUT = "invalid_output";
    public static final String BUDGET_EXHAUSTED = "budget_exhausted";
    public static final String INTERNAL = "internal_error";

    public ArtifactError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
