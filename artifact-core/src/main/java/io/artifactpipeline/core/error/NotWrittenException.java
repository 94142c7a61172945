package io.artifactpipeline.core.error;

import io.artifactpipeline.core.model.ArtifactType;

/** The artifact exists but the model has not written it yet, so there is nothing to export. */
public final class NotWrittenException extends DomainException {
    public NotWrittenException(ArtifactType type) {
        super("the " + type.wireName() + " has not been written yet; generate it first");
    }
}
