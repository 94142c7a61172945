package io.artifactpipeline.core.error;

import io.artifactpipeline.core.model.GenerationId;

/** A worker's lease on a generation expired and was taken over: it may no longer write anything. */
public final class LeaseLostException extends DomainException {
    public LeaseLostException(GenerationId generation) {
        super("lease on generation " + generation + " is no longer held");
    }
}
