package io.artifactpipeline.core.model;

import java.util.Objects;

/** The authenticated subject that owns projects. */
public record UserId(String value) {
    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a user id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
