package io.artifactpipeline.core.error;

import io.artifactpipeline.core.model.GenerationId;

/** A generation is already queued or running for the project. */
public final class GenerationConflictException extends DomainException {
    private final transient GenerationId activeGeneration;

    public GenerationConflictException(GenerationId activeGeneration) {
        super("a generation is already queued or running for this project");
        this.activeGeneration = activeGeneration;
    }

    /** The generation in the way, when the store could tell which. */
    public GenerationId activeGeneration() {
        return activeGeneration;
    }
}
